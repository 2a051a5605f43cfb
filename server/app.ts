import Router from '@koa/router';
import Koa from 'koa';
import type { Services } from './boot.js';
import { notFound } from './errors.js';
import { limits } from './limits.js';
import { errorHandler } from './middleware/errors.js';
import { jsonBody } from './middleware/jsonBody.js';
import { checkOrigin } from './middleware/origin.js';
import { requestLog } from './middleware/requestLog.js';
import { securityHeaders } from './middleware/security.js';
import { loadSession, sessionCookie } from './middleware/session.js';
import { stationCookie } from './middleware/stationCookie.js';
import type { AppContext, AppContextExtras, AppState } from './middleware/types.js';
import { runRoute } from './routes/define.js';
import { apiRoutes } from './routes/index.js';
import { openApiDocument } from './routes/openapi.js';
import { databaseHealthy } from './services/database.js';
import { serveWeb, webRoot } from './static.js';
import { version } from './version.js';

/**
 * Builds the Koa app of one instance from its services. It does not listen: server/http.ts
 * does, and tests may call app.callback() directly.
 */
export function createApp(services: Services, options: { webRoot?: string } = {}): Koa<AppState, AppContextExtras> {
  const app = new Koa<AppState, AppContextExtras>({ proxy: services.config.server.trustProxy });
  app.context.services = services;
  app.silent = true;

  const router = new Router<AppState, AppContextExtras>();
  router.get('/healthz', async (ctx: AppContext) => {
    const ok = await databaseHealthy(services);
    ctx.status = ok ? 200 : 503;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: ok ? 'ok' : 'unavailable', version };
  });
  const document = openApiDocument(apiRoutes, version);
  router.get('/api/v1/openapi.json', (ctx: AppContext) => {
    ctx.body = document;
  });
  for (const spec of apiRoutes) {
    router[spec.method](spec.path, (ctx: AppContext) => runRoute(spec, ctx, (ctx as AppContext & { params: Record<string, string> }).params));
  }
  router.all('/api/{*rest}', () => {
    throw notFound('This API address');
  });

  app.use(requestLog());
  app.use(errorHandler());
  app.use(securityHeaders({ jitsiDomain: services.config.jitsi.domain, https: services.config.server.publicUrl.startsWith('https:') }));
  app.use(jsonBody(limits.jsonBodyBytes));
  app.use(checkOrigin(services.config.server.publicUrl, sessionCookie, stationCookie));
  app.use(loadSession());
  app.use(router.routes());
  app.use(router.allowedMethods());
  app.use(serveWeb(options.webRoot ?? webRoot()));
  return app;
}
