import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { buildConfig, loadConfig, writeConfig } from '../../server/config/index.js';
import { AppError } from '../../server/errors.js';
import { tempDir } from '../helpers/server.js';

function refusal(values: Record<string, unknown>): AppError {
  try {
    buildConfig(values, 'test');
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(values)}`);
}

test('the Jitsi keys default to the built-in engine, no recording and four-hour tokens', (t) => {
  const config = buildConfig({}, 'test');
  t.like(config.jitsi, { domain: null, appId: 'prifora', sub: null, tokenMinutes: 240, recording: false });
  t.true(config.jitsi.appSecret.length >= 32);
  t.not(buildConfig({}, 'test').jitsi.appSecret, config.jitsi.appSecret, 'each config gets its own secret');
});

test('jitsi.domain takes a domain, lowercased, with a port only when needed', (t) => {
  t.is(buildConfig({ 'jitsi.domain': 'Meet.DeVries.example.org' }, 'test').jitsi.domain, 'meet.devries.example.org');
  t.is(buildConfig({ 'jitsi.domain': 'meet.example.org:8443' }, 'test').jitsi.domain, 'meet.example.org:8443');
  t.is(buildConfig({ 'jitsi.domain': '127.0.0.1:9443' }, 'test').jitsi.domain, '127.0.0.1:9443');
});

test('jitsi.domain refuses a scheme, a path or a bad port with a sentence that shows the fix', (t) => {
  const scheme = refusal({ 'jitsi.domain': 'https://meet.example.org' });
  t.is(scheme.code, 'config_invalid');
  t.regex(scheme.message, /jitsi\.domain: must be the domain only, without https:\/\/ \(like meet\.example\.org\) \(found "https:\/\/meet\.example\.org"\)/);
  t.regex(refusal({ 'jitsi.domain': 'meet.example.org/room' }).message, /without a path/);
  t.regex(refusal({ 'jitsi.domain': 'meet example org' }).message, /not a domain name/);
  t.regex(refusal({ 'jitsi.domain': 'meet.example.org:70000' }).message, /port after the colon must be 1 to 65535/);
  t.regex(refusal({ 'jitsi.domain': 'meet.example.org:' }).message, /not a domain name/);
});

test('jitsi.sub, jitsi.appId and jitsi.tokenMinutes are checked at the edge', (t) => {
  t.is(buildConfig({ 'jitsi.sub': 'Meet.Jitsi' }, 'test').jitsi.sub, 'meet.jitsi');
  t.is(buildConfig({ 'jitsi.sub': '*' }, 'test').jitsi.sub, '*');
  t.regex(refusal({ 'jitsi.sub': 'meet jitsi' }).message, /jitsi\.sub: must be \* or a lowercase domain or tenant/);
  t.regex(refusal({ 'jitsi.appId': 'my app' }).message, /jitsi\.appId: only letters, digits, dots, dashes and underscores/);
  t.regex(refusal({ 'jitsi.tokenMinutes': 2 }).message, /jitsi\.tokenMinutes: must be 5 to 1440/);
  t.regex(refusal({ 'jitsi.recording': 'yes' }).message, /jitsi\.recording/);
});

test('a bad jitsi.appSecret is reported by its length, never by its value', (t) => {
  const error = refusal({ 'jitsi.appSecret': 'short-but-secret' });
  t.regex(error.message, /jitsi\.appSecret: must be at least 32 characters \(found a secret of 16 characters\)/);
  t.false(`${error.message} ${error.hint}`.includes('short-but-secret'));
});

test('environment variables set the Jitsi keys of a config file, as docker compose does', (t) => {
  const data = tempDir();
  writeConfig(data, buildConfig({}, 'test'));
  const config = loadConfig(data, {
    PRIFORA_JITSI_DOMAIN: 'meet.example.org',
    PRIFORA_JITSI_APP_SECRET: 'x'.repeat(40),
    PRIFORA_JITSI_SUB: 'meet.jitsi',
    PRIFORA_JITSI_RECORDING: 'true',
    PRIFORA_JITSI_TOKEN_MINUTES: '60',
  });
  t.like(config.jitsi, { domain: 'meet.example.org', appSecret: 'x'.repeat(40), sub: 'meet.jitsi', recording: true, tokenMinutes: 60 });
  t.is(loadConfig(data, { PRIFORA_JITSI_DOMAIN: '' }).jitsi.domain, null);
});

test('a config written before the new Jitsi keys existed still loads, with their defaults', (t) => {
  const data = tempDir();
  const file = writeConfig(data, buildConfig({}, 'test'));
  const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  delete raw.jitsi.sub;
  delete raw.jitsi.tokenMinutes;
  delete raw.jitsi.recording;
  fs.writeFileSync(path.join(data, 'config.json'), JSON.stringify(raw));
  t.like(loadConfig(data, {}).jitsi, { sub: null, tokenMinutes: 240, recording: false });
});
