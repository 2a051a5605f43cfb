/**
 * The external programs the media core uses when they are installed (jpegtran, heif-convert,
 * ffmpeg, ffprobe): found once on PATH, run without a shell.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';

const found = new Map<string, Promise<string | null>>();

/**
 * The full path of an executable on PATH, looked up once per process.
 *
 * @returns the path, or null when the program is not installed
 */
export function findTool(name: string): Promise<string | null> {
  let lookup = found.get(name);
  if (!lookup) {
    lookup = (async () => {
      for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
        const candidate = path.join(dir, name);
        try {
          await access(candidate, constants.X_OK);
          return candidate;
        } catch {
          // not in this directory
        }
      }
      return null;
    })();
    found.set(name, lookup);
  }
  return lookup;
}

/** What a finished program left behind. */
export interface ToolResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs a program to its end, feeding it `stdin` when given and collecting its output.
 * Never throws for a non-zero exit; the caller decides what that means.
 *
 * @throws the spawn error when the program cannot be started
 */
export function runTool(command: string, args: string[], stdin?: Uint8Array): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => {
      // Keep only the start of a chatty program's complaints.
      if (err.reduce((n, b) => n + b.length, 0) < 64 * 1024) err.push(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    if (stdin && child.stdin) {
      // A program that exits early closes the pipe; its exit code tells the story, not EPIPE.
      child.stdin.on('error', () => undefined);
      child.stdin.end(stdin);
    }
  });
}
