import { Option, type Command } from 'commander';
import type { z } from 'zod';
import { AppError } from '../server/errors.js';
import { defaultDataDir } from '../server/config/index.js';

/** Adds --data (and PRIFORA_DATA) to a command. */
export function withData(command: Command): Command {
  return command.addOption(new Option('--data <dir>', 'data directory').env('PRIFORA_DATA').default(defaultDataDir));
}

/** Adds --json to a command that prints data. */
export function withJson(command: Command): Command {
  return command.option('--json', 'print exactly one JSON document on stdout');
}

/**
 * Validates a flag value with a zod schema; a bad value stops the command with exit 2 and a
 * message naming the flag, the value and the problem.
 */
export function parseFlag<T extends z.ZodType>(flag: string, schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError(400, 'invalid_input', `${flag}: ${result.error.issues[0]?.message ?? 'is not valid'} (found ${JSON.stringify(value)})`);
}
