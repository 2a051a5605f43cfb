import { z } from 'zod';
import { limits } from '../limits.js';
import { presentGroup } from '../presenters/group.js';
import { line, uuidField } from '../schemas.js';
import { createGroup, deleteGroup, getGroup, listGroups, renameGroup, setGroupMembers } from '../services/network.js';
import { route } from './define.js';

const id = z.strictObject({ id: uuidField });
const memberIds = z.array(uuidField, { message: 'must be a list of ids' }).max(500, 'must name at most 500 people');

export const groupRoutes = [
  route({
    method: 'get',
    path: '/api/v1/groups',
    summary: 'The groups the person is in (admins: all groups), with their members',
    access: 'user',
    handle: async (ctx, { actor }) => ({ groups: (await listGroups(ctx.services, { actor })).map((g) => presentGroup(g, actor)) }),
  }),
  route({
    method: 'post',
    path: '/api/v1/groups',
    summary: 'Create a group with its conversation (admins)',
    access: 'admin',
    status: 201,
    body: z.strictObject({ name: line(limits.nameLength), memberIds: memberIds.default([]) }),
    handle: async (ctx, { actor, body }) => ({ group: presentGroup(await createGroup(ctx.services, { actor, ...body }), actor) }),
  }),
  route({
    method: 'get',
    path: '/api/v1/groups/:id',
    summary: 'One group and who is in it',
    access: 'user',
    params: id,
    handle: async (ctx, { actor, params }) => ({ group: presentGroup(await getGroup(ctx.services, { actor, groupId: params.id }), actor) }),
  }),
  route({
    method: 'patch',
    path: '/api/v1/groups/:id',
    summary: 'Rename a group (admins)',
    access: 'admin',
    params: id,
    body: z.strictObject({ name: line(limits.nameLength) }),
    handle: async (ctx, { actor, params, body }) => ({ group: presentGroup(await renameGroup(ctx.services, { actor, groupId: params.id, name: body.name }), actor) }),
  }),
  route({
    method: 'put',
    path: '/api/v1/groups/:id/members',
    summary: 'Set who is in a group (admins)',
    access: 'admin',
    params: id,
    body: z.strictObject({ memberIds }),
    handle: async (ctx, { actor, params, body }) => ({ group: presentGroup(await setGroupMembers(ctx.services, { actor, groupId: params.id, memberIds: body.memberIds }), actor) }),
  }),
  route({
    method: 'delete',
    path: '/api/v1/groups/:id',
    summary: 'Delete a group and its conversation (admins)',
    access: 'admin',
    params: id,
    handle: async (ctx, { actor, params }) => {
      await deleteGroup(ctx.services, { actor, groupId: params.id });
      return undefined;
    },
  }),
];
