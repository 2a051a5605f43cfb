import type { JitsiSetup } from '../../server/services/ports.js';
import { checkJitsi } from './check.js';
import { jitsiComposeFiles } from './composeFiles.js';

export { newRoomName, roomNamePattern } from './room.js';
export { mintCallToken, callTokenClaims, tokenSubject, type CallParticipant, type JitsiTokenSettings } from './token.js';

/** The Jitsi bridge for the CLI: checking a domain, writing a compose set-up. */
export const jitsiSetup: JitsiSetup = {
  check: checkJitsi,
  composeFiles: (settings) => jitsiComposeFiles(settings),
};
