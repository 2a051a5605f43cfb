/**
 * A call on the family's Jitsi Meet, embedded through its IFrame API: loads
 * `https://<domain>/external_api.js` with a script tag (the Content-Security-Policy allows that
 * domain when one is configured), builds the API with the options of web/common/jitsi.ts and
 * turns its events into what the call needs to know: in the conference, out of it, recording.
 */
import type { Language } from '../i18n.js';
import { jitsiMeetOptions, jitsiScriptUrl, type JitsiSurface } from '../jitsi.js';

/** The parts of JitsiMeetExternalAPI prifora uses (jitsi handbook, iframe-*.md). */
export interface JitsiApi {
  addListener(event: string, listener: (payload: Record<string, unknown>) => void): void;
  executeCommand(command: string, ...args: unknown[]): void;
  dispose(): void;
}

type JitsiConstructor = new (domain: string, options: unknown) => JitsiApi;

/** Long enough for a slow home line, short enough for a person looking at a spinner. */
const loadTimeoutMs = 20_000;
const loading = new Map<string, Promise<JitsiConstructor>>();

function constructorOnWindow(): JitsiConstructor | undefined {
  return (window as unknown as { JitsiMeetExternalAPI?: JitsiConstructor }).JitsiMeetExternalAPI;
}

/**
 * Loads the IFrame API of a Jitsi domain once per page.
 * @throws Error when the script does not load or does not define JitsiMeetExternalAPI
 */
export function loadJitsiApi(domain: string): Promise<JitsiConstructor> {
  const known = loading.get(domain);
  if (known) return known;
  const promise = new Promise<JitsiConstructor>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = jitsiScriptUrl(domain);
    script.async = true;
    const timer = setTimeout(() => fail(new Error(`${script.src} did not load within ${loadTimeoutMs / 1000} s`)), loadTimeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      script.remove();
      loading.delete(domain);
      reject(error);
    };
    script.addEventListener('load', () => {
      clearTimeout(timer);
      const api = constructorOnWindow();
      if (api) resolve(api);
      else fail(new Error(`${script.src} does not define JitsiMeetExternalAPI`));
    });
    script.addEventListener('error', () => fail(new Error(`${script.src} could not be loaded`)));
    document.head.append(script);
  });
  loading.set(domain, promise);
  return promise;
}

/** What the embedded call reports. */
export interface JitsiEvents {
  /** This person is in the conference. */
  onJoined(): void;
  /** This person left the conference (hung up in Jitsi's toolbar, or was removed). */
  onLeft(): void;
  /** Jitsi gave up: it cannot connect or the token was refused. */
  onFailed(message: string): void;
  onRecording(on: boolean): void;
}

/** One call in a Jitsi iframe. */
export class JitsiEmbed {
  private left = false;

  private constructor(private readonly api: JitsiApi) {}

  /** Loads the API and enters the room inside `parent`. */
  static async open(input: { domain: string; room: string; token: string; parent: HTMLElement; surface: JitsiSurface; language: Language; events: JitsiEvents }): Promise<JitsiEmbed> {
    const Api = await loadJitsiApi(input.domain);
    const api = new Api(input.domain, jitsiMeetOptions({ roomName: input.room, jwt: input.token, parentNode: input.parent, surface: input.surface, language: input.language }));
    const embed = new JitsiEmbed(api);
    const { events } = input;
    api.addListener('videoConferenceJoined', () => events.onJoined());
    const leave = () => {
      if (embed.left) return;
      embed.left = true;
      events.onLeft();
    };
    api.addListener('videoConferenceLeft', leave);
    api.addListener('readyToClose', leave);
    api.addListener('errorOccurred', (error) => {
      if (error.isFatal === true) events.onFailed(typeof error.message === 'string' ? error.message : String(error.name ?? 'error'));
    });
    api.addListener('recordingStatusChanged', (status) => events.onRecording(status.on === true));
    return embed;
  }

  /** Leaves the conference (Jitsi then reports readyToClose). */
  hangUp(): void {
    this.left = true;
    this.api.executeCommand('hangup');
  }

  /** Removes the iframe; call it before the screen goes away. */
  dispose(): void {
    this.api.dispose();
  }
}
