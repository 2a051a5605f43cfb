import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../server/config/index.js';
import { configKeys } from '../../server/config/keys.js';
import { AppError } from '../../server/errors.js';
import { jitsiSetup } from '../../server/jitsiSetup.js';
import { emailField } from '../../server/schemas.js';
import { checkConfiguredJitsi, writeJitsiCompose } from '../../server/services/jitsiSetup.js';
import { dataDirOf, type CommonOptions } from '../context.js';
import { parseFlag, withData, withJson } from '../options.js';
import { createOutput } from '../ui/output.js';

interface ComposeOptions extends CommonOptions {
  out: string;
  domain?: string;
  publicUrl?: string;
  email?: string;
  recording?: boolean;
  force?: boolean;
}

const checkNames = { reachable: 'reachable', externalApi: 'external_api.js' } as const;

/** `prifora jitsi compose|check`: the family's own Jitsi Meet. */
export function jitsiCommand(program: Command): void {
  const jitsi = program.command('jitsi').description('the family’s own Jitsi Meet: a docker compose set-up, and a check');

  withJson(withData(jitsi.command('compose')))
    .description('write a docker compose set-up: prifora, Jitsi (web, prosody, jicofo, jvb) with token auth, and Caddy for TLS')
    .requiredOption('--out <dir>', 'folder to write the set-up into')
    .option('--domain <domain>', 'the domain Jitsi answers on (default: jitsi.domain of the config)')
    .option('--public-url <url>', 'prifora’s public https address (default: server.publicUrl of the config)')
    .option('--email <address>', 'an address for certificate expiry notices')
    .option('--recording', 'add Jibri, so calls can be recorded where the family allows it')
    .option('--force', 'replace a set-up already in --out (new Jitsi passwords)')
    .action(async (options: ComposeOptions) => {
      const out = createOutput();
      const result = writeJitsiCompose(jitsiSetup, {
        outDir: options.out,
        dataDir: dataDirOf(options),
        domain: options.domain === undefined ? undefined : (parseFlag('--domain', configKeys.jitsi.domain.schema.unwrap(), options.domain) as string),
        publicUrl: options.publicUrl === undefined ? undefined : parseFlag('--public-url', z.url({ message: 'not a URL (write it like https://family.example.org)' }), options.publicUrl),
        email: options.email === undefined ? undefined : parseFlag('--email', emailField, options.email),
        recording: !!options.recording,
        force: !!options.force,
      });
      if (options.json) return out.json(result);
      out.line(`Wrote a docker compose set-up to ${result.outDir}:`);
      out.line(`  prifora at ${result.priforaPublicUrl}, Jitsi at https://${result.jitsiDomain}${result.recording ? ', with Jibri for recording' : ''}`);
      out.line(`  files: ${result.files.map((file) => (file.mode === '600' ? `${file.name} (mode 600, secrets)` : file.name)).join(', ')}`);
      out.line(
        result.secret === 'config'
          ? `  call tokens: prifora's jitsi.appId and jitsi.appSecret from ${dataDirOf(options)}, shared with Jitsi through .env`
          : `  call tokens: a new JWT secret in .env, shared by prifora and Jitsi (no prifora config in ${dataDirOf(options)})`,
      );
      out.line(`Next: read ${result.outDir}/README.txt (DNS, firewall, JVB_ADVERTISE_IPS), then run docker-compose build prifora && docker-compose up -d there.`);
    });

  withJson(withData(jitsi.command('check')))
    .description('check that the configured Jitsi domain answers over https and serves external_api.js')
    .action(async (options: CommonOptions) => {
      const out = createOutput();
      const report = await checkConfiguredJitsi(jitsiSetup, loadConfig(dataDirOf(options)));
      if (options.json) {
        out.json(report);
      } else {
        out.line(`Jitsi at ${report.domain}:`);
        for (const check of report.checks) out.line(`  ${check.ok ? 'ok  ' : 'FAIL'}  ${checkNames[check.name].padEnd(15)} ${check.detail}`);
      }
      if (!report.ok) {
        throw new AppError(502, 'jitsi_unavailable', `Jitsi at ${report.domain} is not ready for calls`, {
          hint: 'The lines above say what failed. The web app and the station load external_api.js from this domain, so calls fail until it works.',
        });
      }
    });
}
