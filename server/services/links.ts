import type { ServiceContext } from './context.js';

/** The pages of the web app that emailed links open. */
export type LinkPage = 'invite' | 'setup' | 'signin/magic' | '';

/**
 * A link into the web app. The token travels in the fragment, which browsers never send to a
 * server or put in a Referer, so it stays out of logs and proxies.
 */
export function appLink(ctx: ServiceContext, page: LinkPage, token?: string): string {
  const base = `${ctx.config.server.publicUrl}/${page}`;
  return token ? `${base}#${token}` : base;
}
