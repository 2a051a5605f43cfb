import { CommanderError } from 'commander';
import { AppError } from '../server/errors.js';
import { createProgram } from './program.js';
import { createOutput } from './ui/output.js';

/** Exit codes: 0 done, 1 failed, 2 bad usage, flag, value or config. */
const usageCodes = new Set(['invalid_input', 'config_invalid', 'config_exists', 'config_missing']);

/**
 * Runs the CLI and returns its exit code. The only place that turns errors into output; the
 * entry point is the only caller of process.exit.
 */
export async function runCli(argv: string[]): Promise<number> {
  const out = createOutput();
  try {
    await createProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      out.error(error.message.replace(/^error: /, ''), 'Run with --help to see the options.');
      return 2;
    }
    if (error instanceof AppError) {
      out.error(error.message, error.hint);
      return usageCodes.has(error.code) ? 2 : 1;
    }
    out.error(`unexpected error: ${(error as Error)?.stack ?? String(error)}`, 'This is a bug in prifora; please report it with the lines above.');
    return 1;
  }
}
