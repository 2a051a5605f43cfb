/**
 * The benchmark runner: `npm run bench -- <name> [options]` runs bench/<name>.ts. Each benchmark
 * prints a human summary and, as its last line, one JSON object `{"bench":"<name>",…}`.
 * Exit codes: 0 done (targets missed are reported, not failed), 1 failed, 2 unknown benchmark.
 */
import type { Benchmark } from './support.js';

/** Every benchmark by name; adding one is one line here plus its file. */
const benchmarks: Record<string, () => Promise<{ default: Benchmark }>> = {
  startup: () => import('./startup.js'),
  chat: () => import('./chat.js'),
  media: () => import('./media.js'),
  web: () => import('./web.js'),
  calls: () => import('./calls.js'),
  station: () => import('./station.js'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name === undefined ? undefined : benchmarks[name];
  if (!load) {
    if (name !== undefined) process.stderr.write(`unknown benchmark "${name}"\n`);
    process.stderr.write(`usage: npm run bench -- <name> [options]\nbenchmarks: ${Object.keys(benchmarks).join(', ')}\n`);
    return 2;
  }
  const { default: benchmark } = await load();
  return benchmark.run(args);
}

process.exitCode = await main(process.argv.slice(2));
