import type { Context, Middleware, Next, ParameterizedContext } from 'koa';
import type { Services } from '../boot.js';
import type { Language } from '../i18n/index.js';
import type { Actor } from '../services/actor.js';

/** What middleware leaves on ctx.state for the rest of the request. */
export interface AppState {
  requestId: string;
  actor: Actor | null;
  /** The session behind the cookie, when someone is signed in. */
  sessionId: string | null;
  language: Language;
  /** The parsed JSON body, before validation. */
  body: unknown;
}

/** What the app adds to every Koa context. */
export interface AppContextExtras {
  services: Services;
}

export type AppContext = ParameterizedContext<AppState, AppContextExtras & Context>;
export type AppMiddleware = Middleware<AppState, AppContextExtras & Context>;
export type { Next };
