import { z } from 'zod';
import { presentUser } from '../presenters/user.js';
import { emailField, languageField, passwordField, profileFields, uuidField } from '../schemas.js';
import { changePassword } from '../services/accounts.js';
import { setProfilePhoto } from '../services/media.js';
import { updateOwnProfile } from '../services/network.js';
import { clientInfo } from './auth.js';
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
    method: 'put',
    path: '/api/v1/me/password',
    summary: 'Change one’s password (or choose a first one); every other session of the person is signed out',
    access: 'user',
    body: z.strictObject({
      /** Required when the person has a password; checked before anything changes. */
      currentPassword: z.string({ message: 'must be text' }).max(200, 'must be at most 200 characters').optional(),
      newPassword: passwordField,
    }),
    handle: async (ctx, { actor, body }) => {
      const { user, signedOut } = await changePassword(ctx.services, { actor, ...body, keepSessionId: ctx.state.sessionId, client: clientInfo(ctx) });
      return { user: presentUser(user, actor), signedOut };
    },
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
