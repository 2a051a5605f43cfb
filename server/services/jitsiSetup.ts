/**
 * Setting up and checking the family's own Jitsi Meet from the host: the compose set-up of
 * `prifora jitsi compose` and the reachability check of `prifora jitsi check`. The Jitsi
 * knowledge lives in the bridge (reached through JitsiSetup); here are the decisions: which
 * secret, which names, what may be overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import { configExists, loadConfig, type Config } from '../config/index.js';
import { configKeys, defaultValue } from '../config/keys.js';
import { AppError } from '../errors.js';
import type { JitsiCheck, JitsiSetup } from './ports.js';

/** What `jitsi check` found. */
export interface JitsiCheckReport {
  domain: string;
  ok: boolean;
  checks: JitsiCheck[];
}

/** Checks the configured Jitsi; refuses (exit 2) when none is configured. */
export async function checkConfiguredJitsi(setup: JitsiSetup, config: Config): Promise<JitsiCheckReport> {
  const domain = config.jitsi.domain;
  if (!domain) {
    throw new AppError(400, 'invalid_input', 'jitsi check: jitsi.domain is not set, so calls use the built-in engine and there is no Jitsi to check', {
      hint: 'Set jitsi.domain in the config (or PRIFORA_JITSI_DOMAIN) to the family’s Jitsi, like meet.example.org.',
    });
  }
  const checks = await setup.check(domain);
  return { domain, ok: checks.every((check) => check.ok), checks };
}

/** Flags of `jitsi compose`, already checked one by one. */
export interface JitsiComposeOptions {
  outDir: string;
  dataDir: string;
  domain?: string;
  publicUrl?: string;
  email?: string;
  recording: boolean;
  force: boolean;
}

/** What was written, without any secret. */
export interface JitsiComposeResult {
  outDir: string;
  files: Array<{ name: string; mode: string }>;
  priforaPublicUrl: string;
  jitsiDomain: string;
  recording: boolean;
  /** config: the app id and secret of DATA/config.json; generated: new ones (there was no config). */
  secret: 'config' | 'generated';
}

function usage(message: string, hint: string): AppError {
  return new AppError(400, 'invalid_input', message, { hint });
}

/** The public address of prifora in the set-up: https on 443, where Caddy answers. */
function composePublicUrl(value: string | undefined): string {
  if (!value) {
    throw usage('--public-url: the compose set-up needs prifora’s public address', 'Give it like --public-url https://family.example.org, or set server.publicUrl in the config of --data.');
  }
  const url = new URL(value);
  if (url.protocol !== 'https:' || url.port !== '' || url.hostname === 'localhost' || /^[\d.]+$|:/.test(url.hostname)) {
    throw usage(
      `--public-url: the compose set-up serves prifora over https on port 443 under a domain name, which ${JSON.stringify(value)} is not`,
      'Give the address relatives will open, like --public-url https://family.example.org (its DNS record pointing at this host).',
    );
  }
  return url.origin;
}

function composeDomain(value: string | null | undefined): string {
  if (!value) {
    throw usage('--domain: the compose set-up needs the domain Jitsi will answer on', 'Give it like --domain meet.example.org, or set jitsi.domain in the config of --data.');
  }
  if (value.includes(':') || /^[\d.]+$/.test(value)) {
    throw usage(`--domain: the compose set-up serves Jitsi on port 443 under a domain name, which ${JSON.stringify(value)} is not`, 'Give a name without a port, like --domain meet.example.org.');
  }
  return value;
}

/**
 * Writes the compose set-up into `outDir`. The JWT app id and secret are prifora's own (from the
 * config in `dataDir`) when there is one, so a family that moves into the set-up keeps them.
 */
export function writeJitsiCompose(setup: JitsiSetup, options: JitsiComposeOptions): JitsiComposeResult {
  const config = configExists(options.dataDir) ? loadConfig(options.dataDir) : null;
  const jitsiDomain = composeDomain(options.domain ?? config?.jitsi.domain);
  const priforaPublicUrl = composePublicUrl(options.publicUrl ?? config?.server.publicUrl);
  if (new URL(priforaPublicUrl).hostname === jitsiDomain) {
    throw usage(`--domain: Jitsi and prifora need two names, but both are ${jitsiDomain}`, 'Use a name of its own for Jitsi, like --domain meet.example.org next to https://family.example.org.');
  }
  const appSecret = config?.jitsi.appSecret ?? (defaultValue(configKeys.jitsi.appSecret) as string);
  // .env has no quoting that docker-compose v1 and v2 read alike: keep to characters that need none.
  if (!/^[A-Za-z0-9._~+/=-]+$/.test(appSecret)) {
    throw usage(
      `${options.dataDir}: jitsi.appSecret holds characters that a .env file cannot carry unquoted`,
      'Give it a secret of letters, digits and - _ . ~ + / = only (such as a new one from "openssl rand -hex 32"); Jitsi gets the same one through .env.',
    );
  }
  const outDir = path.resolve(options.outDir);
  const present = fs.existsSync(outDir) ? fs.readdirSync(outDir) : [];
  if (present.length > 0 && !options.force) {
    throw usage(`${outDir}: already holds files (${present.slice(0, 4).join(', ')}${present.length > 4 ? ', …' : ''})`, 'Use --force to replace the set-up there (its .env gets new Jitsi passwords), or choose another --out folder.');
  }
  const files = setup.composeFiles({
    outDir,
    priforaPublicUrl,
    jitsiDomain,
    email: options.email ?? null,
    appId: config?.jitsi.appId ?? (defaultValue(configKeys.jitsi.appId) as string),
    appSecret,
    recording: options.recording,
    timeZone: config?.family.timeZone ?? (defaultValue(configKeys.family.timeZone) as string),
  });
  fs.mkdirSync(outDir, { recursive: true });
  // A set-up rewritten without recording must not keep the old recorder overlay around.
  if (!files.some((file) => file.name === 'jibri.yml')) fs.rmSync(path.join(outDir, 'jibri.yml'), { force: true });
  for (const file of files) {
    const target = path.join(outDir, file.name);
    // A replaced .env must not be readable by others for even a moment.
    fs.rmSync(target, { force: true });
    fs.writeFileSync(target, file.text, { mode: file.mode });
    fs.chmodSync(target, file.mode);
  }
  return {
    outDir,
    files: files.map((file) => ({ name: file.name, mode: file.mode.toString(8) })),
    priforaPublicUrl,
    jitsiDomain,
    recording: options.recording,
    secret: config ? 'config' : 'generated',
  };
}
