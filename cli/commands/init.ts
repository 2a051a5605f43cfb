import { Option, type Command } from 'commander';
import { buildConfig, configExists, configPath, flatKeys, parseKeyText, writeConfig, type FlatKey } from '../../server/config/index.js';
import { defaultValue } from '../../server/config/keys.js';
import { AppError } from '../../server/errors.js';
import { testMailSettings } from '../../server/boot.js';
import { dataDirOf, type CommonOptions } from '../context.js';
import { withData, withJson } from '../options.js';
import { createOutput } from '../ui/output.js';

interface InitOptions extends CommonOptions {
  yes?: boolean;
  force?: boolean;
  [flag: string]: unknown;
}

const flagged = (): FlatKey[] => flatKeys().filter((key) => key.definition.flag);

function attributeOf(key: FlatKey): string {
  return new Option(`${key.definition.flag} <value>`).attributeName();
}

/** Reads the config flags given on the command line, each checked against its key's schema. */
function valuesFromFlags(options: InitOptions): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of flagged()) {
    const text = options[attributeOf(key)];
    if (typeof text !== 'string') continue;
    const value = parseKeyText(key, text);
    const result = key.definition.schema.safeParse(value);
    if (!result.success) {
      // A secret that fails validation is still a secret: name its length, never its value.
      const found = key.definition.secret ? `a secret of ${text.length} characters` : JSON.stringify(text);
      throw new AppError(400, 'invalid_input', `${key.definition.flag}: ${result.error.issues[0]?.message ?? 'is not valid'} (found ${found})`, {
        hint: `${key.definition.description} Example: ${key.definition.flag} ${JSON.stringify(key.definition.example)}`,
      });
    }
    values[key.path] = value;
  }
  return values;
}

/** `prifora init`: writes DATA/config.json from a wizard, or from defaults and flags with --yes. */
export function initCommand(program: Command): void {
  const command = withJson(withData(program.command('init')))
    .description('create the config of a new prifora instance (asks in a terminal; --yes takes defaults and flags)')
    .option('-y, --yes', 'do not ask: use defaults and the flags given')
    .option('--force', 'replace an existing config (new secrets sign everyone out)');
  for (const key of flagged()) command.option(`${key.definition.flag} <value>`, key.definition.description);

  command.action(async (options: InitOptions) => {
    const out = createOutput();
    const dataDir = dataDirOf(options);
    if (!options.force && configExists(dataDir)) {
      throw new AppError(2, 'config_exists', `${configPath(dataDir)}: a config already exists`, {
        hint: 'Use --force to replace it (new secrets sign everyone out), or edit the file.',
      });
    }
    let values = valuesFromFlags(options);
    const interactive = !options.yes && !options.json;
    if (interactive) {
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        throw new AppError(400, 'invalid_input', 'init: needs a terminal to ask its questions', {
          hint: 'Run it in a terminal, or use "prifora init --yes" with flags such as --family-name.',
        });
      }
      const keys = flatKeys().filter((key) => key.definition.ask);
      const defaults = Object.fromEntries(keys.map((key) => [key.path, key.path in values ? values[key.path] : defaultValue(key.definition)]));
      // ink and React cost ~25 MB and ~130 ms: load them only when the wizard runs, never for `start`.
      const { askInitAnswers } = await import('../ui/initWizard.js');
      values = { ...values, ...(await askInitAnswers({ keys, defaults, testMail: testMailSettings })) };
    }
    const config = buildConfig(values, 'init');
    const file = writeConfig(dataDir, config, { force: options.force });
    if (options.json) {
      out.json({ config: file, family: config.family, publicUrl: config.server.publicUrl, mail: config.mail.smtp.host ? 'smtp' : 'outbox' });
      return;
    }
    out.line(`Wrote ${file} (mode 600) for the ${config.family.name} family.`);
    out.line(`Mail: ${config.mail.smtp.host ? `SMTP via ${config.mail.smtp.host}:${config.mail.smtp.port}` : `written to ${dataDir}/outbox (no SMTP configured)`}`);
    out.line(`Calls: ${config.jitsi.domain ? `Jitsi at ${config.jitsi.domain}` : 'built-in engine (no Jitsi configured)'}`);
    out.line(`Next: prifora start --data ${options.data}`);
  });
}
