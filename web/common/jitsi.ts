/**
 * How the web app and the station embed a call on the family's Jitsi Meet: the script to load
 * and the options for `new JitsiMeetExternalAPI(domain, options)`. Pure, so both screens build the
 * same call and a test can read every option. Only keys on Jitsi's IFrame whitelist do anything
 * (jitsi-meet react/features/base/config/configWhitelist.ts); the others are ignored silently.
 */
import type { Language } from './i18n.js';

/** Where the IFrame API comes from: always the family's own Jitsi, always https. */
export function jitsiScriptUrl(domain: string): string {
  return `https://${domain}/external_api.js`;
}

/** Who sees the call: a relative in the web app, or the grandparent on the Home Station. */
export type JitsiSurface = 'app' | 'station';

/** What a call token says about its holder, read for display only (the server signed it). */
export interface TokenIdentity {
  name?: string;
  email?: string;
  recording: boolean;
}

function decodeBase64Url(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The name, email and recording permission in a call token's payload; nothing when unreadable. */
export function tokenIdentity(jwt: string): TokenIdentity {
  try {
    const payload = JSON.parse(decodeBase64Url(jwt.split('.')[1] ?? '')) as {
      context?: { user?: Record<string, unknown>; features?: Record<string, unknown> };
    };
    const user = payload.context?.user ?? {};
    const recording = payload.context?.features?.recording;
    return {
      ...(typeof user.name === 'string' ? { name: user.name } : {}),
      ...(typeof user.email === 'string' ? { email: user.email } : {}),
      recording: recording === true || recording === 'true',
    };
  } catch {
    return { recording: false };
  }
}

/** The options of `new JitsiMeetExternalAPI(domain, options)` that prifora sets. */
export interface JitsiMeetOptions<Parent> {
  roomName: string;
  jwt: string;
  parentNode: Parent;
  width: string;
  height: string;
  lang: Language;
  userInfo: { displayName?: string; email?: string };
  configOverwrite: Record<string, unknown>;
  interfaceConfigOverwrite: Record<string, unknown>;
}

/**
 * The toolbar of each surface. The station keeps three buttons; its large hang-up button is the
 * station's own, outside the frame, which runs `executeCommand('hangup')`, because Jitsi has no
 * option to make one toolbar button bigger.
 */
export function toolbarButtons(surface: JitsiSurface, recording: boolean): string[] {
  if (surface === 'station') return ['microphone', 'camera', 'hangup'];
  return ['microphone', 'camera', 'hangup', 'tileview', 'fullscreen', ...(recording ? ['recording'] : [])];
}

/** A simple call: straight in, no invitations or app prompts, the name from the token. */
export function jitsiMeetOptions<Parent>(input: {
  roomName: string;
  jwt: string;
  parentNode: Parent;
  surface: JitsiSurface;
  language: Language;
}): JitsiMeetOptions<Parent> {
  const identity = tokenIdentity(input.jwt);
  const station = input.surface === 'station';
  return {
    roomName: input.roomName,
    jwt: input.jwt,
    parentNode: input.parentNode,
    width: '100%',
    height: '100%',
    lang: input.language,
    userInfo: {
      ...(identity.name ? { displayName: identity.name } : {}),
      ...(identity.email ? { email: identity.email } : {}),
    },
    configOverwrite: {
      prejoinConfig: { enabled: false },
      deeplinking: { disabled: true },
      disableInviteFunctions: true,
      toolbarButtons: toolbarButtons(input.surface, identity.recording),
      toolbarConfig: { alwaysVisible: station },
      readOnlyName: true,
      requireDisplayName: false,
      disableProfile: true,
      hideConferenceSubject: true,
      startWithAudioMuted: false,
      startWithVideoMuted: false,
      disablePolls: true,
      disableReactions: station,
      disableShortcuts: true,
      disableSelfViewSettings: true,
      // Jitsi's notifications stay on: one of them tells everyone that a recording runs.
    },
    interfaceConfigOverwrite: {
      DISABLE_JOIN_LEAVE_NOTIFICATIONS: station,
      SHOW_CHROME_EXTENSION_BANNER: false,
      TILE_VIEW_MAX_COLUMNS: station ? 2 : 3,
    },
  };
}
