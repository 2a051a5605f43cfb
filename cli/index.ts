#!/usr/bin/env node
import { runCli } from './run.js';

process.exitCode = await runCli(process.argv.slice(2));
// Timers such as the pino flush must not keep a finished command alive.
setTimeout(() => process.exit(), 200).unref();
