import { z } from 'zod';
import { presentUser } from '../presenters/user.js';
import { listUsers, removeUser, setRole } from '../services/accounts.js';
import { roleField, uuidField } from '../schemas.js';
import { route } from './define.js';

export const userRoutes = [
  route({
    method: 'get',
    path: '/api/v1/users',
    summary: 'Everyone in the family',
    access: 'user',
    handle: async (ctx, { actor }) => ({ users: (await listUsers(ctx.services, { actor })).map((u) => presentUser(u, actor)) }),
  }),
  route({
    method: 'patch',
    path: '/api/v1/users/:id/role',
    summary: 'Make someone admin or member (admins)',
    access: 'admin',
    params: z.strictObject({ id: uuidField }),
    body: z.strictObject({ role: roleField }),
    handle: async (ctx, { actor, params, body }) => ({
      user: presentUser(await setRole(ctx.services, { actor, userId: params.id, role: body.role }), actor),
    }),
  }),
  route({
    method: 'delete',
    path: '/api/v1/users/:id',
    summary: 'Remove someone from the family (admins)',
    access: 'admin',
    params: z.strictObject({ id: uuidField }),
    handle: async (ctx, { actor, params }) => {
      await removeUser(ctx.services, { actor, userId: params.id });
      return undefined;
    },
  }),
];
