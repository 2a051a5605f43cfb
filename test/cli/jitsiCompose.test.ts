import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import test from 'ava';
import { jwtVerify } from 'jose';
import { parse } from 'yaml';
import { mintCallToken } from '../../bridges/jitsi/token.js';
import { buildConfig, loadConfig, writeConfig } from '../../server/config/index.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/server.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

interface Service {
  image: string;
  environment: Record<string, string>;
  build?: { context: string };
  ports?: Array<{ published: number | string; target: number; protocol?: string }>;
  shm_size?: string;
}

/** The set-up as docker-compose itself resolves it (`.env` read, COMPOSE_FILE followed). */
async function resolved(dir: string): Promise<{ services: Record<string, Service> }> {
  try {
    const { stdout } = await run('docker-compose', ['config'], { cwd: dir });
    return parse(stdout) as { services: Record<string, Service> };
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string };
    if (code === 'ENOENT') throw new Error('docker-compose is not installed (Debian package docker-compose; .ci/run installs it)');
    throw new Error(`docker-compose config refused the set-up: ${stderr}`);
  }
}

function envFile(dir: string): Record<string, string> {
  const text = fs.readFileSync(path.join(dir, '.env'), 'utf8');
  return Object.fromEntries(text.split('\n').flatMap((line) => (/^[A-Z_]+=/.test(line) ? [[line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]] : [])));
}

function familyData(values: Record<string, unknown> = {}) {
  const data = tempDir();
  const config = buildConfig({ 'server.publicUrl': 'https://devries.example.org', 'jitsi.domain': 'meet.devries.example.org', ...values }, 'test');
  writeConfig(data, config);
  return { data, config };
}

test('jitsi compose writes a set-up that docker-compose config accepts, with prifora and Prosody sharing the app id and secret of the config', async (t) => {
  const { data, config } = familyData();
  const out = path.join(tempDir(), 'jitsi');
  const result = await runCli(['jitsi', 'compose', '--data', data, '--out', out, '--email', 'ops@devries.example.org']);
  t.is(result.code, 0, result.stderr);
  t.false(`${result.stdout}${result.stderr}`.includes(config.jitsi.appSecret), 'the secret is never printed');
  t.regex(result.stdout, /call tokens: prifora's jitsi\.appId and jitsi\.appSecret from/);

  t.deepEqual(fs.readdirSync(out).sort(), ['.env', 'Caddyfile', 'README.txt', 'docker-compose.yml', 'prifora.Dockerfile']);
  t.is(fs.statSync(path.join(out, '.env')).mode & 0o777, 0o600);
  t.is(fs.statSync(path.join(out, 'docker-compose.yml')).mode & 0o777, 0o644);

  const { services } = await resolved(out);
  t.deepEqual(Object.keys(services).sort(), ['caddy', 'jicofo', 'jvb', 'prifora', 'prosody', 'web']);
  const { prifora, prosody, web, jicofo, caddy } = services as Record<string, Service>;

  // The wiring: one secret, one app id, on both sides.
  t.is(prifora?.environment.PRIFORA_JITSI_APP_SECRET, config.jitsi.appSecret);
  t.is(prosody?.environment.JWT_APP_SECRET, config.jitsi.appSecret);
  for (const value of [prifora?.environment.PRIFORA_JITSI_APP_ID, prosody?.environment.JWT_APP_ID, prosody?.environment.JWT_ACCEPTED_ISSUERS, prosody?.environment.JWT_ACCEPTED_AUDIENCES]) {
    t.is(value, config.jitsi.appId);
  }
  for (const service of [web, prosody, jicofo]) t.like(service?.environment, { ENABLE_AUTH: '1', AUTH_TYPE: 'jwt' });
  t.like(prosody?.environment, { ENABLE_GUESTS: '0', JWT_ALLOW_EMPTY: '0' });
  t.like(web?.environment, { PUBLIC_URL: 'https://meet.devries.example.org', DISABLE_HTTPS: '1', ENABLE_PREJOIN_PAGE: '0' });
  t.like(prifora?.environment, { PRIFORA_JITSI_DOMAIN: 'meet.devries.example.org', PRIFORA_JITSI_SUB: 'meet.jitsi', PRIFORA_SERVER_PUBLIC_URL: 'https://devries.example.org', PRIFORA_JITSI_RECORDING: 'false' });
  t.is(prifora?.build?.context, root);
  t.true(fs.existsSync(path.join(prifora?.build?.context ?? '', 'package.json')));

  // Pinned Jitsi images, all of one release; Caddy answers on 80 and 443 for both names.
  const tags = new Set(['web', 'prosody', 'jicofo', 'jvb'].map((name) => services[name]?.image.split(':')[1]));
  t.is(tags.size, 1);
  t.regex([...tags][0] ?? '', /^stable-\d+(-\d+)?$/);
  t.deepEqual(caddy?.ports?.map((port) => `${port.published}/${port.protocol ?? 'tcp'}`), ['80/tcp', '443/tcp', '443/udp']);
  const caddyfile = fs.readFileSync(path.join(out, 'Caddyfile'), 'utf8');
  t.regex(caddyfile, /email ops@devries\.example\.org/);
  t.regex(caddyfile, /\{\$JITSI_DOMAIN\} \{\s+#[^\n]*\n\s+reverse_proxy web:8000/);
  t.regex(caddyfile, /\{\$PRIFORA_DOMAIN\} \{\s+reverse_proxy prifora:8080/);

  // prifora, configured by the compose environment alone, signs tokens Prosody's secret verifies.
  const inside = tempDir();
  writeConfig(inside, buildConfig({}, 'test'));
  const containerConfig = loadConfig(inside, prifora?.environment ?? {});
  t.is(containerConfig.jitsi.domain, 'meet.devries.example.org');
  const jwt = mintCallToken(containerConfig.jitsi as typeof containerConfig.jitsi & { domain: string }, { room: 'prifora-test', participant: { id: 1, name: 'Oma' } });
  const { payload } = await jwtVerify(jwt, new TextEncoder().encode(prosody?.environment.JWT_APP_SECRET), {
    issuer: prosody?.environment.JWT_ACCEPTED_ISSUERS,
    audience: prosody?.environment.JWT_ACCEPTED_AUDIENCES,
  });
  t.is(payload.sub, 'meet.jitsi');
});

test('jitsi compose --recording adds Jibri through COMPOSE_FILE, with recording on in Jitsi and in prifora', async (t) => {
  const { data } = familyData();
  const out = path.join(tempDir(), 'jitsi');
  const result = await runCli(['jitsi', 'compose', '--data', data, '--out', out, '--recording', '--json']);
  t.is(result.code, 0, result.stderr);
  t.like(JSON.parse(result.stdout), { recording: true, secret: 'config', jitsiDomain: 'meet.devries.example.org' });
  t.is(envFile(out).COMPOSE_FILE, 'docker-compose.yml:jibri.yml');
  const { services } = await resolved(out);
  const jibri = services.jibri;
  t.truthy(jibri, 'docker-compose read jibri.yml');
  t.is(jibri?.shm_size, '2gb');
  for (const name of ['web', 'prosody', 'jicofo']) t.is(services[name]?.environment.ENABLE_RECORDING, '1', name);
  t.is(services.prifora?.environment.PRIFORA_JITSI_RECORDING, 'true');
  for (const secret of ['JIBRI_RECORDER_PASSWORD', 'JIBRI_XMPP_PASSWORD']) {
    t.regex(jibri?.environment[secret] ?? '', /^[0-9a-f]{64}$/);
    t.is(services.prosody?.environment[secret], jibri?.environment[secret]);
  }

  // Rewritten without recording, the overlay goes and docker-compose sees no Jibri.
  const again = await runCli(['jitsi', 'compose', '--data', data, '--out', out, '--force']);
  t.is(again.code, 0, again.stderr);
  t.false(fs.existsSync(path.join(out, 'jibri.yml')));
  t.false('jibri' in (await resolved(out)).services);
});

test('without a prifora config, jitsi compose makes a fresh secret and fresh Jitsi passwords each time', async (t) => {
  const outs = [path.join(tempDir(), 'a'), path.join(tempDir(), 'b')];
  const envs = [];
  for (const out of outs) {
    const result = await runCli(['jitsi', 'compose', '--data', tempDir(), '--out', out, '--domain', 'meet.example.org', '--public-url', 'https://family.example.org']);
    t.is(result.code, 0, result.stderr);
    t.regex(result.stdout, /a new JWT secret in \.env/);
    const env = envFile(out);
    t.true((env.JWT_APP_SECRET ?? '').length >= 32);
    t.false(result.stdout.includes(env.JWT_APP_SECRET ?? '-'));
    const { services } = await resolved(out);
    t.is(services.prifora?.environment.PRIFORA_JITSI_APP_SECRET, env.JWT_APP_SECRET);
    t.is(services.prosody?.environment.JWT_APP_SECRET, env.JWT_APP_SECRET);
    t.is(services.jicofo?.environment.JICOFO_AUTH_PASSWORD, services.prosody?.environment.JICOFO_AUTH_PASSWORD);
    t.is(services.jvb?.environment.JVB_AUTH_PASSWORD, services.prosody?.environment.JVB_AUTH_PASSWORD);
    envs.push(env);
  }
  for (const name of ['JWT_APP_SECRET', 'JICOFO_AUTH_PASSWORD', 'JVB_AUTH_PASSWORD']) t.not(envs[0]?.[name], envs[1]?.[name], name);
});

test('docker-compose config is a real check: it refuses a set-up with a broken service', async (t) => {
  const { data } = familyData();
  const out = path.join(tempDir(), 'jitsi');
  t.is((await runCli(['jitsi', 'compose', '--data', data, '--out', out])).code, 0);
  const file = path.join(out, 'docker-compose.yml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('    restart: "unless-stopped"\n', '    restart: "unless-stopped"\n    colour: "blue"\n'));
  await t.throwsAsync(resolved(out), { message: /colour/ });
});

test('jitsi compose refuses what cannot work, naming the flag and the fix', async (t) => {
  const { data } = familyData();
  const localOnly = familyData({ 'server.publicUrl': 'http://localhost:8080' });

  const scheme = await runCli(['jitsi', 'compose', '--data', data, '--out', path.join(tempDir(), 'x'), '--domain', 'https://meet.example.org']);
  t.is(scheme.code, 2);
  t.regex(scheme.stderr, /^prifora: --domain: must be the domain only, without https:\/\//);

  const http = await runCli(['jitsi', 'compose', '--data', localOnly.data, '--out', path.join(tempDir(), 'x')]);
  t.is(http.code, 2);
  t.regex(http.stderr, /--public-url: the compose set-up serves prifora over https on port 443 under a domain name, which "http:\/\/localhost:8080" is not/);

  const same = await runCli(['jitsi', 'compose', '--data', data, '--out', path.join(tempDir(), 'x'), '--domain', 'devries.example.org']);
  t.is(same.code, 2);
  t.regex(same.stderr, /Jitsi and prifora need two names/);

  const port = await runCli(['jitsi', 'compose', '--data', data, '--out', path.join(tempDir(), 'x'), '--domain', 'meet.example.org:8443']);
  t.is(port.code, 2);
  t.regex(port.stderr, /serves Jitsi on port 443/);

  const noDomain = await runCli(['jitsi', 'compose', '--data', tempDir(), '--out', path.join(tempDir(), 'x'), '--public-url', 'https://family.example.org']);
  t.is(noDomain.code, 2);
  t.regex(noDomain.stderr, /--domain: the compose set-up needs the domain Jitsi will answer on/);

  const out = path.join(tempDir(), 'jitsi');
  t.is((await runCli(['jitsi', 'compose', '--data', data, '--out', out])).code, 0);
  const before = fs.readFileSync(path.join(out, '.env'), 'utf8');
  const busy = await runCli(['jitsi', 'compose', '--data', data, '--out', out]);
  t.is(busy.code, 2);
  t.regex(busy.stderr, /already holds files/);
  t.regex(busy.stderr, /--force/);
  t.is(fs.readFileSync(path.join(out, '.env'), 'utf8'), before, 'nothing was replaced');
});
