import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The prifora CLI from source, as a user would run it (through tsx). */
export const cliCommand = [process.execPath, '--import=tsx', path.join(root, 'cli/index.ts')];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one prifora command to its end. */
export function runCli(args: string[], options: { env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cliCommand[0] as string, [...cliCommand.slice(1), ...args], {
      cwd: root,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `prifora start` as a child process and waits for its "listening on" line. */
export function spawnStart(args: string[]): Promise<{ child: ChildProcess; url: string; stdout: () => string; exited: Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cliCommand[0] as string, [...cliCommand.slice(1), 'start', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = stdout.match(/listening on (http:\/\/[\d.]+:\d+)/);
      if (match) resolve({ child, url: match[1] as string, stdout: () => stdout, exited });
    });
    void exited.then((code) => reject(new Error(`start exited with ${code} before listening: ${stderr}`)));
  });
}
