/**
 * Plugs the Jitsi bridge in for the CLI commands that need no database (`prifora jitsi compose`,
 * `prifora jitsi check`). Like boot.ts, a composition root: the CLI and the services see only the
 * JitsiSetup interface of services/ports.ts.
 */
import { jitsiSetup as bridge } from '../bridges/jitsi/index.js';
import type { JitsiSetup } from './services/ports.js';

export const jitsiSetup: JitsiSetup = bridge;
