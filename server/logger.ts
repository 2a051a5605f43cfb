import pino, { type Logger } from 'pino';
import { createRequire } from 'node:module';
import type PinoPretty from 'pino-pretty';

const require = createRequire(import.meta.url);

export type { Logger };

/**
 * The server's logger: JSON lines on stderr, or readable lines when stderr is a terminal.
 * Pretty printing runs in-process (no worker thread) to keep start-up fast and memory small.
 */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const usePretty = options.pretty ?? process.stderr.isTTY === true;
  const base = { level, base: undefined, redact: ['req.headers.cookie', 'req.headers.authorization'] };
  if (usePretty) {
    // Only a terminal needs pino-pretty; loading it lazily keeps it out of a service's memory.
    const pretty = require('pino-pretty') as typeof PinoPretty;
    return pino(base, pretty({ destination: 2, sync: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' }));
  }
  return pino(base, pino.destination({ dest: 2, sync: false }));
}
