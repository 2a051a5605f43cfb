/**
 * What benchmarks share: the built CLI, throw-away data directories, a prifora server in a child
 * process (as a user starts it), and small statistics. Benchmarks run against dist/, never the
 * TypeScript sources, so they measure what ships.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One benchmark: `run` prints its summary and, as the last line, one JSON object; returns the exit code. */
export interface Benchmark {
  description: string;
  run(args: string[]): Promise<number>;
}

/** The built CLI entry point. */
export const cliEntry = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));

/** Whether dist/ has been built; prints how to build it when not. */
export function requireBuild(): boolean {
  if (fs.existsSync(cliEntry)) return true;
  process.stderr.write(`${path.relative(process.cwd(), cliEntry)} is missing: run "npm ci" (it builds dist/), or "npm run build".\n`);
  return false;
}

/** A fresh, empty temporary directory; the caller removes it with removeDir. */
export function makeTempDir(prefix = 'prifora-bench-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Removes a directory made by makeTempDir. */
export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs the built CLI to completion (`prifora <args>`).
 * @throws Error with the command's output when it exits non-zero.
 */
export function runCli(args: string[]): void {
  const result = spawnSync(cliEntry, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`prifora ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${result.stdout}${result.stderr}`);
  }
}

/** A `prifora start` child process that has printed its URL. */
export interface StartedServer {
  child: ChildProcess;
  pid: number;
  port: number;
  /** performance.now() just before spawn. */
  spawnedAt: number;
  /** Everything it printed so far, stdout and stderr interleaved (for error messages). */
  output(): string;
  /** Resolves with the exit code (or the signal's name) when the process has exited. */
  exited: Promise<number | NodeJS.Signals>;
}

const listeningLine = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

/**
 * Spawns `prifora start --data DIR --port 0 --host 127.0.0.1` and resolves once it prints
 * `listening on http://127.0.0.1:PORT`.
 * @throws Error with its output when it exits first or prints nothing within timeoutMs.
 */
export function startServer(dataDir: string, timeoutMs = 30_000): Promise<StartedServer> {
  const spawnedAt = performance.now();
  // Run through the shebang, as `npx prifora start` does, so its node flags count too.
  // BENCH_CPU_PROF=DIR profiles the server instead (a .cpuprofile per run in DIR).
  const profile = process.env.BENCH_CPU_PROF;
  const [command, ...prefix] = profile ? [process.execPath, '--cpu-prof', `--cpu-prof-dir=${profile}`, cliEntry] : [cliEntry];
  const child = spawn(command as string, [...prefix, 'start', '--data', dataDir, '--port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise<StartedServer>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`prifora start ${why}:\n${output}`));
    };
    const timer = setTimeout(() => fail(`printed no URL within ${timeoutMs} ms`), timeoutMs);
    void exited.then((code) => fail(`exited with ${code} before listening`));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = listeningLine.exec(output);
      if (!match || child.pid === undefined || settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout!.removeAllListeners('data');
      // Keep draining, so a chatty server never blocks on a full pipe.
      child.stdout!.on('data', (more: Buffer) => (output += more.toString()));
      resolve({ child, pid: child.pid, port: Number(match[1]), spawnedAt, output: () => output, exited });
    });
  });
}

/** One GET on a fresh connection; resolves with the status, or 0 when the connection failed. */
export function getStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
  });
}

/**
 * Polls url back to back until it answers 200; resolves with performance.now() at that answer.
 * @throws Error when there is no 200 within timeoutMs.
 */
export async function pollUntilOk(url: string, timeoutMs = 30_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let last = 0;
  while (performance.now() < deadline) {
    last = await getStatus(url);
    if (last === 200) return performance.now();
  }
  throw new Error(`${url} gave no 200 within ${timeoutMs} ms (last: ${last || 'connection failed'})`);
}

/** Resident memory of a process in MB, from /proc (Linux only). */
export interface Resident {
  /** VmRSS: everything resident, including shared file pages such as the node binary's code. */
  rssMb: number;
  /** RssAnon: the process's own heap and stacks. */
  anonMb: number;
  /** RssFile: resident pages of mapped files (the node binary, native addons, libraries). */
  fileMb: number;
}

/**
 * Reads a process's resident memory from /proc/<pid>/status.
 * @throws Error when the process is gone or the fields are missing (not Linux).
 */
export function residentOf(pid: number): Resident {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number => {
    const kb = new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1];
    if (kb === undefined) throw new Error(`no ${name} in /proc/${pid}/status`);
    return Number(kb) / 1024;
  };
  return { rssMb: field('VmRSS'), anonMb: field('RssAnon'), fileMb: field('RssFile') };
}

/**
 * Sends SIGTERM and waits for the exit; resolves with the exit code (or signal).
 * Kills it outright if it has not exited within timeoutMs.
 */
export async function stopServer(server: StartedServer, timeoutMs = 15_000): Promise<number | NodeJS.Signals> {
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), timeoutMs);
  const code = await server.exited;
  clearTimeout(timer);
  return code;
}

/** Median, min and max of some numbers. */
export function summarize(values: number[]): { median: number; min: number; max: number } {
  if (values.length === 0) throw new Error('no values to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/**
 * Reads `--name value` pairs over numeric defaults; `valid` says which values a name accepts.
 * @throws Error naming the option for an unknown name or a value `valid` refuses.
 */
export function numericOptions<T extends { [K in keyof T]: number }>(args: string[], defaults: T, valid: (value: number) => boolean): T {
  const options = { ...defaults };
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]?.replace(/^--/, '') as keyof T;
    const value = Number(args[i + 1]);
    if (!(key in options) || !valid(value)) throw new Error(`unknown option ${args[i]} ${args[i + 1] ?? ''}`);
    options[key] = value as T[keyof T];
  }
  return options;
}

/** The p-th percentile (nearest rank) of some numbers; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** A number rounded to some decimals, for printing. */
export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Resolves after ms milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
