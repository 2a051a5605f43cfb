import { hasAdmin } from '../services/accounts.js';
import { route } from './define.js';

export const familyRoutes = [
  route({
    method: 'get',
    path: '/api/v1/family',
    summary: 'The family’s name and language (shown on the sign-in screen)',
    access: 'public',
    handle: async (ctx) => ({
      family: {
        name: ctx.services.config.family.name,
        language: ctx.services.config.family.language,
        timeZone: ctx.services.config.family.timeZone,
        hasAdmin: await hasAdmin(),
      },
    }),
  }),
];
