import { z } from 'zod';
import { presentInvitation, presentInvitationPreview } from '../presenters/invitation.js';
import { acceptInvitation, inspectInvitation, inviteMember, listInvitations, revokeInvitation } from '../services/invitations.js';
import { emailField, languageField, passwordField, profileFields, roleField, tokenField, uuidField } from '../schemas.js';
import { clientInfo, signedIn } from './auth.js';
import { route } from './define.js';

export const invitationRoutes = [
  route({
    method: 'get',
    path: '/api/v1/invitations',
    summary: 'Invitations of the family (admins)',
    access: 'admin',
    handle: async (ctx, { actor }) => ({ invitations: (await listInvitations(ctx.services, { actor })).map(presentInvitation) }),
  }),
  route({
    method: 'post',
    path: '/api/v1/invitations',
    summary: 'Invite someone by email (admins); the link goes out by mail',
    access: 'admin',
    status: 201,
    body: z.strictObject({ email: emailField, role: roleField.default('member'), language: languageField.optional() }),
    handle: async (ctx, { actor, body }) => {
      const { invitation } = await inviteMember(ctx.services, { actor, ...body });
      return { invitation: presentInvitation(invitation) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/v1/invitations/:id',
    summary: 'Withdraw a pending invitation (admins)',
    access: 'admin',
    params: z.strictObject({ id: uuidField }),
    handle: async (ctx, { actor, params }) => ({
      invitation: presentInvitation(await revokeInvitation(ctx.services, { actor, invitationId: params.id })),
    }),
  }),
  route({
    method: 'post',
    path: '/api/v1/invitations/inspect',
    summary: 'What an invitation or set-up link is for (the token stays out of URLs)',
    access: 'public',
    body: z.strictObject({ token: tokenField }),
    handle: async (ctx, { body }) => {
      const { invitation, inviter } = await inspectInvitation(ctx.services, { token: body.token, client: clientInfo(ctx) });
      return { invitation: presentInvitationPreview(invitation, ctx.services.config.family.name, inviter) };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/invitations/accept',
    summary: 'Accept an invitation or the set-up link with the required profile; signs the new member in',
    access: 'public',
    status: 201,
    body: z.strictObject({
      token: tokenField,
      ...profileFields,
      email: emailField.optional(),
      password: passwordField.optional(),
      language: languageField.optional(),
    }),
    handle: async (ctx, { body }) => signedIn(ctx, await acceptInvitation(ctx.services, { ...body, client: clientInfo(ctx) })),
  }),
];
