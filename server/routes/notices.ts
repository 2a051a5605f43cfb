import { z } from 'zod';
import { limits } from '../limits.js';
import { presentNotice } from '../presenters/notice.js';
import { line, uuidField } from '../schemas.js';
import { authorNames, listNotices, markNoticeRead, postNotice } from '../services/notices.js';
import { route } from './define.js';

const text = z.string({ message: 'must be text' }).trim().min(1, 'must not be empty').max(limits.messageLength, `must be at most ${limits.messageLength} characters`);

export const noticeRoutes = [
  route({
    method: 'get',
    path: '/api/v1/notices',
    summary: 'The message center: notices for the person, newest first, and how many are unread',
    access: 'user',
    station: true,
    handle: async (ctx, { actor }) => {
      const { notices, unread } = await listNotices(ctx.services, { actor });
      const authors = await authorNames(notices.map((n) => n.notice));
      return { notices: notices.map((n) => presentNotice(n, ctx.state.language, authors)), unread };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/notices',
    summary: 'Post a notice to the family or to one group (admins)',
    access: 'admin',
    status: 201,
    body: z.strictObject({ title: line(200), body: text, groupId: uuidField.optional() }),
    handle: async (ctx, { actor, body }) => {
      const notice = await postNotice(ctx.services, { actor, ...body });
      const authors = await authorNames([notice]);
      return { notice: presentNotice({ notice, read: false }, ctx.state.language, authors) };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/notices/:id/read',
    summary: 'Mark a notice read',
    access: 'user',
    station: true,
    params: z.strictObject({ id: uuidField }),
    handle: async (ctx, { actor, params }) => {
      await markNoticeRead(ctx.services, { actor, noticeId: params.id });
      return undefined;
    },
  }),
];
