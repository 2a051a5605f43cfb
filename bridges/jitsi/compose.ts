/**
 * The docker compose set-up of `prifora jitsi compose`: prifora, docker-jitsi-meet's web,
 * prosody, jicofo and jvb (jibri in an overlay when recording is on) and Caddy in front of both
 * for TLS. Values that differ per family come from the .env file next to it, so the secret that
 * prifora signs call tokens with and the one Prosody checks them with are one variable.
 * Settings follow docker-jitsi-meet's docker-compose.yml, env.example and jibri.yml (see
 * ../shared/reference/bridges.md, C.3 and E).
 */
import type { YamlValue } from './yaml.js';

/**
 * One docker-jitsi-meet release for all of its images (upstream does not support mixing them).
 * From stable-11146 the images run as uid 1000 with a read-only root and web listens on 8000.
 */
export const jitsiRelease = 'stable-11146-2';
export const jitsiRegistry = 'ghcr.io/jitsi';
export const caddyImage = 'caddy:2.11.4-alpine';
/** docker-jitsi-meet's XMPP domain, which Jitsi checks `sub` against when domain verification is on. */
export const xmppDomain = 'meet.jitsi';
/** The port of docker-jitsi-meet's web container since it stopped running as root. */
export const jitsiWebPort = 8000;
export const priforaPort = 8080;

const network = 'meet.jitsi';

/** What the compose file itself needs to know; the rest is read from .env. */
export interface ComposeShape {
  sourceDir: string;
  dockerfile: string;
  version: string;
  recording: boolean;
}

/** The read-only root filesystem the Jitsi images run with, and the scratch space they need. */
const hardened = {
  read_only: true,
  tmpfs: ['/run:size=16M,mode=1750,exec', '/tmp:size=16M,mode=1777,noexec'],
};

const jitsiImage = (name: string) => `${jitsiRegistry}/${name}:${jitsiRelease}`;

/** Token authentication on every Jitsi component; no guests, no tokenless joins. */
const jwtAuth = { ENABLE_AUTH: '1', AUTH_TYPE: 'jwt', ENABLE_GUESTS: '0' };

export function composeFile(shape: ComposeShape): YamlValue {
  const recording = shape.recording ? '1' : '0';
  return {
    services: {
      prifora: {
        build: { context: shape.sourceDir, dockerfile: shape.dockerfile },
        image: `prifora:${shape.version}`,
        restart: 'unless-stopped',
        environment: {
          PRIFORA_DATA: '/data',
          PRIFORA_SERVER_PUBLIC_URL: '${PRIFORA_PUBLIC_URL}',
          PRIFORA_SERVER_HOST: '0.0.0.0',
          PRIFORA_SERVER_PORT: String(priforaPort),
          PRIFORA_SERVER_TRUST_PROXY: 'true',
          PRIFORA_JITSI_DOMAIN: '${JITSI_DOMAIN}',
          PRIFORA_JITSI_APP_ID: '${JWT_APP_ID}',
          PRIFORA_JITSI_APP_SECRET: '${JWT_APP_SECRET}',
          PRIFORA_JITSI_SUB: xmppDomain,
          PRIFORA_JITSI_RECORDING: shape.recording ? 'true' : 'false',
          TZ: '${TZ}',
        },
        volumes: ['prifora-data:/data'],
        expose: [String(priforaPort)],
        networks: [network],
      },
      caddy: {
        image: caddyImage,
        restart: 'unless-stopped',
        ports: ['80:80', '443:443', '443:443/udp'],
        environment: { PRIFORA_DOMAIN: '${PRIFORA_DOMAIN}', JITSI_DOMAIN: '${JITSI_DOMAIN}' },
        volumes: ['./Caddyfile:/etc/caddy/Caddyfile:ro', 'caddy-data:/data', 'caddy-config:/config'],
        depends_on: ['prifora', 'web'],
        networks: {
          // Inside the network the public names lead to Caddy too, so Jibri's browser and
          // prifora reach https://<domain> without leaving the host.
          [network]: { aliases: ['${JITSI_DOMAIN}', '${PRIFORA_DOMAIN}'] },
        },
      },
      web: {
        image: jitsiImage('web'),
        restart: 'unless-stopped',
        ...hardened,
        environment: {
          ...jwtAuth,
          PUBLIC_URL: '${PUBLIC_URL}',
          // Caddy holds the certificate and forwards plain http to port 8000.
          DISABLE_HTTPS: '1',
          ENABLE_HTTP_REDIRECT: '0',
          ENABLE_LETSENCRYPT: '0',
          ENABLE_PREJOIN_PAGE: '0',
          DISABLE_DEEP_LINKING: '1',
          ENABLE_WELCOME_PAGE: '0',
          ENABLE_RECORDING: recording,
          TZ: '${TZ}',
        },
        volumes: ['jitsi-web:/config'],
        expose: [String(jitsiWebPort)],
        depends_on: ['jvb'],
        networks: [network],
      },
      prosody: {
        image: jitsiImage('prosody'),
        restart: 'unless-stopped',
        ...hardened,
        expose: ['5222', '5347', '5280'],
        environment: {
          ...jwtAuth,
          JWT_APP_ID: '${JWT_APP_ID}',
          JWT_APP_SECRET: '${JWT_APP_SECRET}',
          // prifora's tokens carry iss = aud = the app id; accept exactly that.
          JWT_ACCEPTED_ISSUERS: '${JWT_APP_ID}',
          JWT_ACCEPTED_AUDIENCES: '${JWT_APP_ID}',
          JWT_ALLOW_EMPTY: '0',
          JICOFO_AUTH_PASSWORD: '${JICOFO_AUTH_PASSWORD}',
          JVB_AUTH_PASSWORD: '${JVB_AUTH_PASSWORD}',
          ENABLE_RECORDING: recording,
          ...(shape.recording ? { JIBRI_RECORDER_PASSWORD: '${JIBRI_RECORDER_PASSWORD}', JIBRI_XMPP_PASSWORD: '${JIBRI_XMPP_PASSWORD}' } : {}),
          PUBLIC_URL: '${PUBLIC_URL}',
          TZ: '${TZ}',
        },
        volumes: ['jitsi-prosody-config:/config', 'jitsi-prosody-data:/var/lib/prosody'],
        networks: { [network]: { aliases: [`xmpp.${xmppDomain}`] } },
      },
      jicofo: {
        image: jitsiImage('jicofo'),
        restart: 'unless-stopped',
        ...hardened,
        environment: {
          ENABLE_AUTH: '1',
          AUTH_TYPE: 'jwt',
          JICOFO_AUTH_PASSWORD: '${JICOFO_AUTH_PASSWORD}',
          ENABLE_RECORDING: recording,
          TZ: '${TZ}',
        },
        volumes: ['jitsi-jicofo:/config'],
        depends_on: ['prosody'],
        networks: [network],
      },
      jvb: {
        image: jitsiImage('jvb'),
        restart: 'unless-stopped',
        ...hardened,
        // Media goes from each browser straight to the bridge, never through Caddy.
        ports: ['10000:10000/udp'],
        environment: {
          JVB_AUTH_PASSWORD: '${JVB_AUTH_PASSWORD}',
          JVB_ADVERTISE_IPS: '${JVB_ADVERTISE_IPS}',
          PUBLIC_URL: '${PUBLIC_URL}',
          TZ: '${TZ}',
        },
        volumes: ['jitsi-jvb:/config'],
        depends_on: ['prosody'],
        networks: [network],
      },
    },
    volumes: {
      'prifora-data': {},
      'caddy-data': {},
      'caddy-config': {},
      'jitsi-web': {},
      'jitsi-prosody-config': {},
      'jitsi-prosody-data': {},
      'jitsi-jicofo': {},
      'jitsi-jvb': {},
    },
    networks: { [network]: {} },
  };
}

/** The recording overlay, as docker-jitsi-meet's jibri.yml: one Jibri records one call at a time. */
export function jibriFile(): YamlValue {
  return {
    services: {
      jibri: {
        image: jitsiImage('jibri'),
        restart: 'unless-stopped',
        // Chrome in the container needs a large /dev/shm and its sandbox.
        shm_size: '2gb',
        cap_add: ['SYS_ADMIN'],
        environment: {
          PUBLIC_URL: '${PUBLIC_URL}',
          JIBRI_RECORDER_PASSWORD: '${JIBRI_RECORDER_PASSWORD}',
          JIBRI_XMPP_PASSWORD: '${JIBRI_XMPP_PASSWORD}',
          ENABLE_RECORDING: '1',
          TZ: '${TZ}',
        },
        // Recordings land in /storage/recordings (JIBRI_RECORDING_DIR).
        volumes: ['jitsi-jibri:/config', 'jibri-recordings:/storage'],
        depends_on: ['jicofo'],
        networks: [network],
      },
    },
    volumes: { 'jitsi-jibri': {}, 'jibri-recordings': {} },
  };
}
