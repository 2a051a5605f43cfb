import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { tempDir } from './server.js';

/**
 * A local https origin standing in for the family's Jitsi domain in browser tests: it serves an
 * external_api.js whose JitsiMeetExternalAPI joins at once and records what it was built with on
 * window.__jitsi (the DOM parent as its class name), the commands it got and whether it was
 * disposed; window.__jitsiEmit(index, event) plays an event of Jitsi's own. Like the real one it
 * puts an iframe of the Jitsi origin in the parent, allowed the camera and microphone; the page in
 * it asks for both and reports what it got (record.media). Its certificate is self-signed: open
 * the pages with `ignoreHTTPSErrors`.
 */
export interface JitsiStandIn {
  /** "127.0.0.1:<port>", for jitsi.domain. */
  domain: string;
  /** The paths the stand-in served. */
  served: string[];
  close(): Promise<void>;
}

/** What the stand-in's JitsiMeetExternalAPI recorded about one embed. */
export interface JitsiRecord {
  domain: string;
  options: Record<string, unknown> & { roomName: string; jwt: string; parentNode: string };
  commands: string[];
  disposed: boolean;
  media?: string;
}

const fakeExternalApi = `(function () {
  var records = (window.__jitsi = []);
  var emitters = [];
  window.__jitsiEmit = function (index, name, payload) { emitters[index](name, payload || {}); };
  window.JitsiMeetExternalAPI = function (domain, options) {
    var listeners = {};
    var copy = JSON.parse(JSON.stringify(Object.assign({}, options, { parentNode: null })));
    copy.parentNode = options.parentNode && options.parentNode.className;
    var record = { domain: domain, options: copy, commands: [], disposed: false };
    records.push(record);
    var emit = function (name, payload) { (listeners[name] || []).forEach(function (listener) { listener(payload); }); };
    emitters.push(emit);
    var frame = document.createElement('iframe');
    frame.allow = 'camera; microphone';
    frame.src = 'https://' + domain + '/room.html';
    options.parentNode.appendChild(frame);
    window.addEventListener('message', function (event) { if (event.source === frame.contentWindow) record.media = event.data; });
    this.addListener = function (name, listener) { (listeners[name] = listeners[name] || []).push(listener); };
    this.executeCommand = function (name) {
      record.commands.push(name);
      if (name === 'hangup') setTimeout(function () { emit('readyToClose', {}); }, 0);
    };
    this.dispose = function () { record.disposed = true; frame.remove(); };
    setTimeout(function () { emit('videoConferenceJoined', { roomName: options.roomName }); }, 0);
  };
})();`;

const roomPage = `<!doctype html><html lang="en"><title>Jitsi stand-in</title><p>Jitsi stand-in</p><script>
navigator.mediaDevices.getUserMedia({ audio: true, video: true }).then(
  function (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); parent.postMessage('ok', '*'); },
  function (error) { parent.postMessage(error.name + ': ' + error.message, '*'); });
</script></html>`;

/** Starts the stand-in on a free port of 127.0.0.1 with a fresh self-signed certificate. */
export async function startJitsiStandIn(): Promise<JitsiStandIn> {
  const dir = tempDir('prifora-jitsi-cert-');
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const served: string[] = [];
  const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (request, response) => {
    served.push(request.url ?? '');
    if (request.url === '/external_api.js') {
      response.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8' });
      response.end(fakeExternalApi);
      return;
    }
    if (request.url === '/room.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(roomPage);
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    domain: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What the page's stand-in API recorded so far. */
export function jitsiRecords(page: Page): Promise<JitsiRecord[]> {
  return page.evaluate(() => (window as unknown as { __jitsi?: JitsiRecord[] }).__jitsi ?? []);
}
