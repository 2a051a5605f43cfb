import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import test from 'ava';
import { buildConfig, writeConfig } from '../../server/config/index.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/server.js';

/**
 * A local https server on 127.0.0.1 stands in for the family's Jitsi domain: the config says
 * jitsi.domain = 127.0.0.1:PORT, and the CLI trusts the stand-in's self-signed certificate only
 * through NODE_EXTRA_CA_CERTS, the way an operator would add a private CA. The check itself runs
 * unchanged: it builds https://<jitsi.domain>/external_api.js from the config.
 */
interface StandIn {
  domain: string;
  /** What /external_api.js answers. */
  script: { status: number; type: string; body: string };
  close(): Promise<void>;
}

const certDir = tempDir('prifora-jitsi-cert-');
const keyFile = path.join(certDir, 'key.pem');
const certFile = path.join(certDir, 'cert.pem');
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
const trustStandIn = { NODE_EXTRA_CA_CERTS: certFile };

const externalApi = '(function(){var JitsiMeetExternalAPI=function(domain,options){this.domain=domain;};window.JitsiMeetExternalAPI=JitsiMeetExternalAPI;})();';

async function startStandIn(): Promise<StandIn> {
  const standIn = { script: { status: 200, type: 'application/javascript; charset=utf-8', body: externalApi } } as StandIn;
  const server = https.createServer({ key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) }, (request, response) => {
    if (request.url === '/external_api.js') {
      response.writeHead(standIn.script.status, { 'content-type': standIn.script.type });
      response.end(standIn.script.body);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>Jitsi Meet</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.domain = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn.close = () => new Promise((resolve) => server.close(() => resolve()));
  return standIn;
}

function dataFor(domain: string | null): string {
  const data = tempDir();
  writeConfig(data, buildConfig({ 'jitsi.domain': domain }, 'test'));
  return data;
}

test('jitsi check passes against a loopback https stand-in for the Jitsi domain that serves external_api.js', async (t) => {
  const standIn = await startStandIn();
  t.teardown(() => standIn.close());
  const data = dataFor(standIn.domain);

  const human = await runCli(['jitsi', 'check', '--data', data], { env: trustStandIn });
  t.is(human.code, 0, human.stderr);
  t.regex(human.stdout, new RegExp(`Jitsi at ${standIn.domain}:`));
  t.regex(human.stdout, /ok {4}reachable .*answered 200 over https/);
  t.regex(human.stdout, /ok {4}external_api\.js .*is the IFrame API/);

  const json = await runCli(['jitsi', 'check', '--data', data, '--json'], { env: trustStandIn });
  t.is(json.code, 0, json.stderr);
  t.deepEqual(JSON.parse(json.stdout), {
    domain: standIn.domain,
    ok: true,
    checks: [
      { name: 'reachable', ok: true, url: `https://${standIn.domain}/`, detail: `https://${standIn.domain}/ answered 200 over https.` },
      { name: 'externalApi', ok: true, url: `https://${standIn.domain}/external_api.js`, detail: `https://${standIn.domain}/external_api.js is the IFrame API (${externalApi.length} bytes of JavaScript).` },
    ],
  });
});

test('jitsi check fails (exit 1) when the loopback stand-in answers external_api.js with a page, a 404 or the wrong script', async (t) => {
  const standIn = await startStandIn();
  t.teardown(() => standIn.close());
  const data = dataFor(standIn.domain);

  standIn.script = { status: 200, type: 'text/html', body: '<html>Welcome to nginx</html>' };
  const page = await runCli(['jitsi', 'check', '--data', data], { env: trustStandIn });
  t.is(page.code, 1);
  t.regex(page.stdout, /ok {4}reachable/);
  t.regex(page.stdout, /FAIL {2}external_api\.js .*is served as text\/html, not JavaScript/);
  t.regex(page.stderr, new RegExp(`^prifora: Jitsi at ${standIn.domain} is not ready for calls`));

  standIn.script = { status: 404, type: 'text/html', body: 'not found' };
  const missing = await runCli(['jitsi', 'check', '--data', data, '--json'], { env: trustStandIn });
  t.is(missing.code, 1);
  const report = JSON.parse(missing.stdout);
  t.false(report.ok);
  t.like(report.checks[1], { name: 'externalApi', ok: false });
  t.regex(report.checks[1].detail, /answered 404, not 200/);

  standIn.script = { status: 200, type: 'text/javascript', body: 'console.log("something else")' };
  const wrong = await runCli(['jitsi', 'check', '--data', data], { env: trustStandIn });
  t.is(wrong.code, 1);
  t.regex(wrong.stdout, /does not define JitsiMeetExternalAPI/);
});

test('jitsi check says when the loopback stand-in’s certificate is not trusted, or nothing listens there', async (t) => {
  const standIn = await startStandIn();
  t.teardown(() => standIn.close());
  const untrusted = await runCli(['jitsi', 'check', '--data', dataFor(standIn.domain)]);
  t.is(untrusted.code, 1);
  t.regex(untrusted.stdout, /FAIL {2}reachable .*its TLS certificate is not trusted/);
  t.regex(untrusted.stdout, /FAIL {2}external_api\.js +Not tried/);

  const closed = await startStandIn();
  const domain = closed.domain;
  await closed.close();
  const nobody = await runCli(['jitsi', 'check', '--data', dataFor(domain), '--json'], { env: trustStandIn });
  t.is(nobody.code, 1);
  t.regex(JSON.parse(nobody.stdout).checks[0].detail, /nothing accepts connections there/);
});

test('jitsi check without a Jitsi domain in the config exits 2 and says calls use the built-in engine', async (t) => {
  const result = await runCli(['jitsi', 'check', '--data', dataFor(null)]);
  t.is(result.code, 2);
  t.regex(result.stderr, /^prifora: jitsi check: jitsi\.domain is not set, so calls use the built-in engine/);
  t.is(result.stdout, '');
});
