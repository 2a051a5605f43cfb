import { z } from 'zod';
import { clearSessionCookie } from '../middleware/session.js';
import { presentSession } from '../presenters/session.js';
import { listSessions, revokeSession } from '../services/accounts.js';
import { uuidField } from '../schemas.js';
import { route } from './define.js';

export const sessionRoutes = [
  route({
    method: 'get',
    path: '/api/v1/sessions',
    summary: 'The browsers and devices the signed-in person is signed in on',
    access: 'user',
    handle: async (ctx, { actor }) => ({
      sessions: (await listSessions(ctx.services, { actor })).map((s) => presentSession(s, ctx.state.sessionId)),
    }),
  }),
  route({
    method: 'delete',
    path: '/api/v1/sessions/:id',
    summary: 'Sign out one of the person’s sessions',
    access: 'user',
    params: z.strictObject({ id: uuidField }),
    handle: async (ctx, { actor, params }) => {
      await revokeSession(ctx.services, { actor, sessionId: params.id });
      if (params.id === ctx.state.sessionId) clearSessionCookie(ctx);
      return undefined;
    },
  }),
];
