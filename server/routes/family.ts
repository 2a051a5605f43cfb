import { hasAdmin } from '../services/accounts.js';
import { engineOf } from '../services/calls.js';
import { route } from './define.js';

export const familyRoutes = [
  route({
    method: 'get',
    path: '/api/v1/family',
    summary: 'The family’s name, language and time zone (shown on the sign-in screen), and which call engine runs (group calls need Jitsi)',
    access: 'public',
    handle: async (ctx) => ({
      family: {
        name: ctx.services.config.family.name,
        language: ctx.services.config.family.language,
        timeZone: ctx.services.config.family.timeZone,
        hasAdmin: await hasAdmin(),
        callEngine: engineOf(ctx.services),
      },
    }),
  }),
];
