/**
 * Runs the whole ava suite and closes with one line "N passed, N failed, N skipped" counting
 * every test, after ava's own TAP summary. Extra arguments go to ava (files, --match).
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const child = spawn(process.execPath, ['node_modules/ava/entrypoints/cli.mjs', '--tap', ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, FORCE_COLOR: '0' },
});

const counts = { pass: 0, fail: 0, skip: 0, todo: 0 };
const lines = readline.createInterface({ input: child.stdout });
lines.on('line', (line) => {
  process.stdout.write(`${line}\n`);
  const summary = line.match(/^# (pass|fail|skip|todo) (\d+)$/);
  if (summary) counts[summary[1] as keyof typeof counts] = Number(summary[2]);
});

child.on('close', (code) => {
  const skipped = counts.skip + counts.todo;
  // A run that died before its summary still must not read as green.
  const failed = code !== 0 && counts.fail === 0 ? 1 : counts.fail;
  process.stdout.write(`\n${counts.pass} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  process.exitCode = code ?? 1;
});
