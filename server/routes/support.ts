import { z } from 'zod';
import { limits } from '../limits.js';
import { presentSupportRequest } from '../presenters/support.js';
import { line, uuidField } from '../schemas.js';
import { askForHelp, closeHelpRequest, getHelpRequest, listHelpRequests, replyToHelpRequest } from '../services/support.js';
import { route } from './define.js';

const text = z.string({ message: 'must be text' }).trim().min(1, 'must not be empty').max(limits.messageLength, `must be at most ${limits.messageLength} characters`);
const id = z.strictObject({ id: uuidField });

export const supportRoutes = [
  route({
    method: 'get',
    path: '/api/v1/support',
    summary: 'Help requests: one’s own, or all of them for admins',
    access: 'user',
    handle: async (ctx, { actor }) => ({ requests: (await listHelpRequests(ctx.services, { actor })).map((r) => presentSupportRequest(r, actor)) }),
  }),
  route({
    method: 'post',
    path: '/api/v1/support',
    summary: 'Ask the family admins for help; they are mailed',
    access: 'user',
    status: 201,
    body: z.strictObject({ subject: line(200), body: text }),
    handle: async (ctx, { actor, body }) => ({ request: presentSupportRequest(await askForHelp(ctx.services, { actor, ...body }), actor) }),
  }),
  route({
    method: 'get',
    path: '/api/v1/support/:id',
    summary: 'One help request with its replies',
    access: 'user',
    params: id,
    handle: async (ctx, { actor, params }) => {
      const { request, replies } = await getHelpRequest(ctx.services, { actor, requestId: params.id });
      return { request: presentSupportRequest(request, actor, replies) };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/support/:id/replies',
    summary: 'Reply to a help request (the asker or an admin; an admin’s reply is mailed to the asker)',
    access: 'user',
    status: 201,
    params: id,
    body: z.strictObject({ body: text }),
    handle: async (ctx, { actor, params, body }) => {
      await replyToHelpRequest(ctx.services, { actor, requestId: params.id, body: body.body });
      const { request, replies } = await getHelpRequest(ctx.services, { actor, requestId: params.id });
      return { request: presentSupportRequest(request, actor, replies) };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/support/:id/close',
    summary: 'Close a help request (admins); the asker is told',
    access: 'admin',
    params: id,
    handle: async (ctx, { actor, params }) => ({ request: presentSupportRequest(await closeHelpRequest(ctx.services, { actor, requestId: params.id }), actor) }),
  }),
];
