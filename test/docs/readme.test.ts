import fs from 'node:fs';
import test from 'ava';
import { configTableMarkdown, sampleConfig } from '../../server/config/docs.js';

test('the README configuration table matches the config keys', (t) => {
  const readme = fs.readFileSync('README.md', 'utf8');
  const table = readme.split('<!-- config-table:start -->\n')[1]?.split('\n<!-- config-table:end -->')[0];
  t.is(table, configTableMarkdown(), 'regenerate the table with server/config/docs.ts');
});

test('the sample config lists every key', (t) => {
  t.is(fs.readFileSync('templates/config.sample.json', 'utf8'), sampleConfig());
});

test('ARCHITECTURE.md has a line for every folder', (t) => {
  const architecture = fs.readFileSync('ARCHITECTURE.md', 'utf8');
  const folders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || ['node_modules', 'dist', '.git', 'test-results', 'prifora-data'].includes(entry.name)) continue;
      const path = dir === '.' ? entry.name : `${dir}/${entry.name}`;
      folders.push(path);
      walk(path);
    }
  };
  walk('.');
  const missing = folders.filter((f) => !architecture.includes(`| \`${f}/\` |`));
  t.deepEqual(missing, []);
});
