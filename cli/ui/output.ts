/**
 * The one place the CLI writes for people. Data goes to stdout (exactly one JSON document with
 * --json); messages and errors go to stderr, so `--json | jq` always works.
 */
export interface Output {
  /** One JSON document on stdout. */
  json(value: unknown): void;
  /** A line of result on stdout. */
  line(text?: string): void;
  /** A table on stdout, columns padded to width. */
  table(rows: Array<Record<string, string>>, columns: string[]): void;
  /** A note for the person on stderr. */
  note(text: string): void;
  /** An error with an optional hint on stderr. */
  error(message: string, hint?: string): void;
}

/** Output on the process's streams. */
export function createOutput(stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): Output {
  return {
    json: (value) => stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    line: (text = '') => stdout.write(`${text}\n`),
    table(rows, columns) {
      if (rows.length === 0) return;
      const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
      const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
      stdout.write(`${format(columns.map((c) => c.toUpperCase()))}\n`);
      for (const row of rows) stdout.write(`${format(columns.map((c) => row[c] ?? ''))}\n`);
    },
    note: (text) => stderr.write(`${text}\n`),
    error(message, hint) {
      stderr.write(`prifora: ${message}\n`);
      if (hint) stderr.write(`  ${hint}\n`);
    },
  };
}
