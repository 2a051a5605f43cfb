import { z } from 'zod';
import { presentUser } from '../presenters/user.js';
import { emailField, languageField, profileFields, uuidField } from '../schemas.js';
import { setProfilePhoto } from '../services/media.js';
import { updateOwnProfile } from '../services/network.js';
import { route } from './define.js';

export const meRoutes = [
  route({
    method: 'put',
    path: '/api/v1/me/photo',
    summary: 'Set one’s profile photo (an uploaded photo), or remove it with null',
    access: 'user',
    body: z.strictObject({ mediaId: uuidField.nullable() }),
    handle: async (ctx, { actor, body }) => ({ user: presentUser(await setProfilePhoto(ctx.services, { actor, mediaId: body.mediaId }), actor) }),
  }),
  route({
    method: 'get',
    path: '/api/v1/session',
    summary: 'Who is signed in in this browser: the person, or null (never 401)',
    access: 'public',
    handle: async (_ctx, { actor }) => ({ user: actor?.kind === 'user' ? presentUser(actor.user, actor) : null }),
  }),
  route({
    method: 'get',
    path: '/api/v1/me',
    summary: 'The signed-in person',
    access: 'user',
    handle: async (_ctx, { actor }) => (actor.kind === 'user' ? { user: presentUser(actor.user, actor) } : undefined),
  }),
  route({
    method: 'patch',
    path: '/api/v1/me',
    summary: 'Correct one’s own profile (F9): username, names, email, mobile, language',
    access: 'user',
    body: z.strictObject({
      username: profileFields.username.optional(),
      firstName: profileFields.firstName.optional(),
      lastName: profileFields.lastName.optional(),
      mobile: profileFields.mobile.optional(),
      email: emailField.optional(),
      language: languageField.optional(),
    }),
    handle: async (ctx, { actor, body }) => ({ user: presentUser(await updateOwnProfile(ctx.services, { actor, changes: body }), actor) }),
  }),
];
