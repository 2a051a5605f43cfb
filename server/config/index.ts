import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import { configSchema, defaultValue, flatKeys, keyRules, type Config, type FlatKey } from './keys.js';

export { configKeys, flatKeys, type Config, type FlatKey } from './keys.js';

/** The data directory used when neither --data nor PRIFORA_DATA says otherwise. */
export const defaultDataDir = './prifora-data';

/** Where the config of a data directory lives. */
export function configPath(dataDir: string): string {
  return path.join(dataDir, 'config.json');
}

/** Whether a data directory already has a config. */
export function configExists(dataDir: string): boolean {
  return fs.existsSync(configPath(dataDir));
}

type Tree = Record<string, unknown>;

function getAt(tree: Tree, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree);
}

function setAt(tree: Tree, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  const last = parts.pop() as string;
  let node = tree;
  for (const part of parts) {
    if (!node[part] || typeof node[part] !== 'object') node[part] = {};
    node = node[part] as Tree;
  }
  node[last] = value;
}

function hasAt(tree: Tree, dotted: string): boolean {
  const parts = dotted.split('.');
  const last = parts.pop() as string;
  const parent = parts.length ? getAt(tree, parts.join('.')) : tree;
  return !!parent && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, last);
}

/** Turns the text of an environment variable or flag into the JSON value its key expects. */
export function parseKeyText(key: FlatKey, text: string): unknown {
  // Empty text means "none" for a key that may be none (no SMTP host, no Jitsi).
  if (text === '' && key.definition.schema.safeParse(null).success) return null;
  const probe = key.definition.schema.safeParse(text);
  if (probe.success) return text;
  if (/^-?\d+(\.\d+)?$/.test(text) && key.definition.schema.safeParse(Number(text)).success) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/**
 * Validates a raw config tree. Throws config_invalid naming the first bad key, the value found
 * and how to fix it; `source` names where the values came from (a file, or the init flags).
 */
export function validateConfig(raw: unknown, source: string): Config {
  const result = configSchema().safeParse(raw);
  if (result.success) {
    for (const rule of keyRules) {
      const problem = rule.check(result.data);
      if (problem === null) continue;
      const known = flatKeys().find((k) => k.path === rule.path);
      throw new AppError(2, 'config_invalid', `${source}: ${rule.path}: ${problem}`, {
        hint: known ? `Set ${rule.path} to a value like ${known.definition.example} (${known.definition.description})` : undefined,
      });
    }
    return result.data;
  }
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const keys = flatKeys();
  if (issue.code === 'unrecognized_keys') {
    const unknown = [...issue.path.map(String), issue.keys[0] ?? ''].join('.');
    throw new AppError(2, 'config_invalid', `${source}: ${unknown}: is not a prifora setting`, {
      hint: `Remove "${unknown}" from ${source}. Known settings: ${keys.map((k) => k.path).join(', ')}.`,
    });
  }
  const dotted = issue.path.map(String).join('.');
  const known = keys.find((k) => k.path === dotted);
  const value = raw && typeof raw === 'object' ? getAt(raw as Tree, dotted) : raw;
  // A secret that fails validation is still a secret: name its length, never its value.
  const found = known?.definition.secret && typeof value === 'string' ? `a secret of ${value.length} characters` : describeValue(value);
  const fix = known
    ? `Set ${dotted} to a value like ${known.definition.example} (${known.definition.description}) or remove it to use the default.`
    : `Check ${source} against the configuration table in the README.`;
  throw new AppError(2, 'config_invalid', `${source}: ${dotted || '(whole file)'}: ${issue.message} (found ${found})`, { hint: fix });
}

/**
 * Builds a complete config from given values, filling defaults and fresh secrets for the rest.
 * Used by `init`, by `start` when there is no config yet, and by tests.
 */
export function buildConfig(values: Record<string, unknown> = {}, source = 'init'): Config {
  const tree: Tree = {};
  for (const key of flatKeys()) {
    setAt(tree, key.path, key.path in values ? values[key.path] : defaultValue(key.definition));
  }
  return validateConfig(tree, source);
}

/** Applies PRIFORA_* environment variables over a raw config tree. */
function applyEnv(tree: Tree, env: NodeJS.ProcessEnv): void {
  for (const key of flatKeys()) {
    const text = env[key.env];
    if (text !== undefined) setAt(tree, key.path, parseKeyText(key, text));
  }
}

/**
 * Reads and validates DATA/config.json, with defaults for absent keys and PRIFORA_* environment
 * variables over it. Throws config_missing, or config_invalid naming the key and the fix.
 */
export function loadConfig(dataDir: string, env: NodeJS.ProcessEnv = process.env): Config {
  const file = configPath(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new AppError(2, 'config_missing', `${file}: there is no config here`, {
        hint: `Run "prifora init --data ${dataDir}" first, or point --data at the right directory.`,
      });
    }
    throw new AppError(2, 'config_invalid', `${file}: cannot be read (${code ?? 'unknown error'})`, {
      hint: `Check that the user running prifora may read ${file} (chmod 600, owned by that user).`,
      cause: error,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError(2, 'config_invalid', `${file}: is not valid JSON (${(error as Error).message})`, {
      hint: `Fix the JSON syntax in ${file}, or move it away and run "prifora init" again.`,
    });
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AppError(2, 'config_invalid', `${file}: must hold a JSON object`, {
      hint: `Move ${file} away and run "prifora init" again.`,
    });
  }
  const tree = raw as Tree;
  for (const key of flatKeys()) {
    if (hasAt(tree, key.path)) continue;
    if (key.definition.generated) {
      throw new AppError(2, 'config_invalid', `${file}: ${key.path}: is missing`, {
        hint: `${key.path} is a generated secret; restore it from a backup of ${file}, or run "prifora init --force" to make new secrets (signs everyone out).`,
      });
    }
    setAt(tree, key.path, defaultValue(key.definition));
  }
  applyEnv(tree, env);
  return validateConfig(tree, file);
}

/**
 * Writes DATA/config.json with mode 0600, creating DATA (0700) when needed. Refuses to replace
 * an existing config unless `force` is set.
 */
export function writeConfig(dataDir: string, config: Config, options: { force?: boolean } = {}): string {
  const file = configPath(dataDir);
  if (!options.force && fs.existsSync(file)) {
    throw new AppError(2, 'config_exists', `${file}: a config already exists`, {
      hint: 'Use --force to replace it (new secrets sign everyone out), or edit the file.',
    });
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);
  return file;
}

/** Whether SMTP is configured (otherwise mail goes to the outbox directory). */
export function smtpConfigured(config: Config): boolean {
  return !!config.mail.smtp.host;
}
