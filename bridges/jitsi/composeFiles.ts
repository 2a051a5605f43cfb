import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedFile, JitsiComposeSettings } from '../../server/services/ports.js';
import { caddyImage, composeFile, jibriFile, jitsiRelease, jitsiWebPort, priforaPort } from './compose.js';
import { toYaml } from './yaml.js';

/** The prifora source tree the image is built from: the folder of prifora's package.json. */
export function priforaSource(start = path.dirname(fileURLToPath(import.meta.url))): { dir: string; version: string } {
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'prifora') return { dir, version: pkg.version ?? '0.0.0' };
    } catch {
      // not here; look one folder up
    }
    if (path.dirname(dir) === dir) throw new Error(`no prifora package.json above ${start}`);
  }
}

/** A password for one of Jitsi's internal XMPP accounts: hex, so .env needs no quoting. */
function password(): string {
  return randomBytes(32).toString('hex');
}

const dockerfile = `# prifora for the set-up written by \`prifora jitsi compose\`, built from the prifora source tree
# (the build context in docker-compose.yml; its .dockerignore keeps node_modules and data out).
FROM node:20-bookworm-slim
# ffmpeg, jpegtran and heif-convert process videos and photos; python3, make and g++ build sqlite3.
RUN apt-get update \\
 && apt-get install -y --no-install-recommends ffmpeg libjpeg-turbo-progs libheif-examples python3 make g++ \\
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/prifora
COPY package.json package-lock.json tsconfig.json tsconfig.build.json vite.config.ts ./
COPY cli cli
COPY server server
COPY bridges bridges
COPY web web
COPY templates templates
RUN npm ci --no-audit --no-fund && npm prune --omit=dev && npm cache clean --force
# A named volume copies this folder's owner, so prifora (user node) can write its data there.
RUN mkdir /data && chown node:node /data
USER node
ENV PRIFORA_DATA=/data
VOLUME /data
EXPOSE ${priforaPort}
CMD ["node", "dist/cli/index.js", "start"]
`;

function caddyfile(email: string | null): string {
  return [
    '# Written by `prifora jitsi compose`. Caddy gets and renews the certificates of both names;',
    '# the names come from .env (PRIFORA_DOMAIN, JITSI_DOMAIN).',
    ...(email ? ['{', `\temail ${email}`, '}', ''] : []),
    '{$PRIFORA_DOMAIN} {',
    `\treverse_proxy prifora:${priforaPort}`,
    '}',
    '',
    '{$JITSI_DOMAIN} {',
    '\t# The page, config.js, external_api.js and the XMPP and bridge websockets; media goes to 10000/udp.',
    `\treverse_proxy web:${jitsiWebPort}`,
    '}',
    '',
  ].join('\n');
}

function envFile(settings: JitsiComposeSettings, priforaDomain: string): string {
  const lines = [
    '# Written by `prifora jitsi compose`. It holds secrets: keep it private (mode 600) and back it up.',
    ...(settings.recording ? ['COMPOSE_FILE=docker-compose.yml:jibri.yml'] : []),
    'COMPOSE_PROJECT_NAME=prifora',
    '',
    `PRIFORA_DOMAIN=${priforaDomain}`,
    `PRIFORA_PUBLIC_URL=${settings.priforaPublicUrl}`,
    `JITSI_DOMAIN=${settings.jitsiDomain}`,
    `PUBLIC_URL=https://${settings.jitsiDomain}`,
    `TZ=${settings.timeZone}`,
    '',
    '# The public IP address of this host, which the video bridge tells browsers to send media to.',
    '# Fill it in: the bridge runs behind Docker\'s NAT and otherwise guesses it through a STUN server.',
    'JVB_ADVERTISE_IPS=',
    '',
    '# prifora signs call tokens with this secret and Jitsi (Prosody) checks them with it.',
    `JWT_APP_ID=${settings.appId}`,
    `JWT_APP_SECRET=${settings.appSecret}`,
    '',
    '# Jitsi components sign in to Prosody with these.',
    `JICOFO_AUTH_PASSWORD=${password()}`,
    `JVB_AUTH_PASSWORD=${password()}`,
    ...(settings.recording ? [`JIBRI_RECORDER_PASSWORD=${password()}`, `JIBRI_XMPP_PASSWORD=${password()}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

function readme(settings: JitsiComposeSettings, priforaDomain: string, source: string): string {
  const compose = 'docker-compose';
  return `prifora with its own Jitsi Meet: what to do next
================================================

Written by \`prifora jitsi compose\`. Files here:
  docker-compose.yml  prifora, Caddy (TLS for both names), Jitsi web, prosody, jicofo, jvb${settings.recording ? '\n  jibri.yml           Jibri, the recorder (one recording at a time)' : ''}
  .env                names and secrets (mode 600; back it up, never share it)
  Caddyfile           the TLS proxy: ${priforaDomain} -> prifora, ${settings.jitsiDomain} -> Jitsi
  prifora.Dockerfile  the prifora image, built from ${source}

1. DNS: point ${priforaDomain} and ${settings.jitsiDomain} at this host (A/AAAA records).
2. Firewall: open 80/tcp and 443/tcp (pages and certificates), 443/udp (HTTP/3) and
   10000/udp (call media, straight to the video bridge).
3. Put this host's public IP address in .env as JVB_ADVERTISE_IPS. The video bridge runs
   behind Docker's NAT; without it, it guesses its address through a public STUN server, and a
   wrong guess gives calls that connect while nobody sees or hears anyone.
4. Build prifora's image:      ${compose} build prifora
5. Moving an existing family? Stop its prifora, then copy its data folder into the volume:
     ${compose} run --rm --no-deps -v /path/to/prifora-data:/from:ro --user root --entrypoint sh prifora \\
       -c 'cp -a /from/. /data/ && chown -R node:node /data'
   The compose set-up gives prifora its Jitsi settings through .env, whatever its config.json says.
6. Start everything:           ${compose} up -d
   New family? The set-up link for the first admin is in: ${compose} logs prifora
7. Check that Jitsi answers:   ${compose} exec prifora node dist/cli/index.js jitsi check

Calls: prifora gives every participant a token signed with JWT_APP_SECRET; Jitsi admits only
token holders (ENABLE_AUTH=1, AUTH_TYPE=jwt, no guests). Change the secret only in .env, then
run \`${compose} up -d\` so prifora and Prosody get the new one together.
${
  settings.recording
    ? `
Recording: Jibri runs Chrome and ffmpeg and needs about 2 GB of memory and 2 cores per
recording; recordings land in the jibri-recordings volume. PRIFORA_JITSI_RECORDING is true in
docker-compose.yml, so prifora may put recording in a call's tokens; without it no token allows it.
`
    : ''
}
Images: Jitsi ${jitsiRelease} (docker-jitsi-meet), ${caddyImage}, node:20-bookworm-slim.
Upgrade Jitsi by changing the tag of all its images at once.
`;
}

/** Every file of the set-up; .env is the only one with secrets, and the only one with mode 600. */
export function jitsiComposeFiles(settings: JitsiComposeSettings, source = priforaSource()): GeneratedFile[] {
  const priforaDomain = new URL(settings.priforaPublicUrl).host;
  const dockerfilePath = path.join(settings.outDir, 'prifora.Dockerfile');
  const header = ['Written by `prifora jitsi compose`; the values in ${...} come from .env next to this file.'];
  const files: GeneratedFile[] = [
    {
      name: 'docker-compose.yml',
      text: toYaml(composeFile({ sourceDir: source.dir, dockerfile: dockerfilePath, version: source.version, recording: settings.recording }), header),
      mode: 0o644,
    },
    { name: '.env', text: envFile(settings, priforaDomain), mode: 0o600 },
    { name: 'Caddyfile', text: caddyfile(settings.email), mode: 0o644 },
    { name: 'prifora.Dockerfile', text: dockerfile, mode: 0o644 },
    { name: 'README.txt', text: readme(settings, priforaDomain, source.dir), mode: 0o644 },
  ];
  if (settings.recording) files.splice(1, 0, { name: 'jibri.yml', text: toYaml(jibriFile(), header), mode: 0o644 });
  return files;
}
