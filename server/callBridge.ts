import { newRoomName } from '../bridges/jitsi/room.js';
import { mintCallToken } from '../bridges/jitsi/token.js';
import type { Config } from './config/index.js';
import type { CallBridge } from './services/ports.js';

/** The Jitsi bridge as calls use it, over the instance's `jitsi` config. */
export function createCallBridge(jitsi: Config['jitsi']): CallBridge {
  return {
    newRoomName: () => newRoomName(),
    mintToken(input) {
      if (!jitsi.domain) throw new Error('call tokens need jitsi.domain');
      const settings = { domain: jitsi.domain, appId: jitsi.appId, appSecret: jitsi.appSecret, sub: jitsi.sub, tokenMinutes: jitsi.tokenMinutes, recording: jitsi.recording };
      return mintCallToken(settings, { room: input.room, participant: input.person, allowRecording: input.allowRecording, now: input.now });
    },
  };
}
