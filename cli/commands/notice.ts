import type { Command } from 'commander';
import { presentNotice } from '../../server/presenters/notice.js';
import { line } from '../../server/schemas.js';
import { systemActor } from '../../server/services/actor.js';
import { findGroupByReference } from '../../server/services/network.js';
import { authorNames, postNotice } from '../../server/services/notices.js';
import { withServices, type CommonOptions } from '../context.js';
import { parseFlag, withData, withJson } from '../options.js';
import { noticeText } from './group.js';

/** `prifora notice send`: a notice in the message center, to the family or one group. */
export function noticeCommand(program: Command): void {
  const notice = program.command('notice').description('the message center: notices to the family');

  withJson(withData(notice.command('send')))
    .description('post a notice to the whole family, or to one group')
    .requiredOption('--title <text>', 'a short title')
    .requiredOption('--body <text>', 'the notice itself')
    .option('--group <group>', 'only for this group (name or id)')
    .action(async (options: CommonOptions & { title: string; body: string; group?: string }) => {
      const title = parseFlag('--title', line(200), options.title);
      const body = parseFlag('--body', noticeText, options.body);
      await withServices(options, async (services, out) => {
        const groupId = options.group ? (await findGroupByReference(options.group)).id : undefined;
        const posted = await postNotice(services, { actor: systemActor, title, body, groupId });
        if (options.json) return out.json({ notice: presentNotice({ notice: posted, read: false }, services.config.family.language, await authorNames([posted])) });
        out.line(`Posted "${posted.title}" to ${options.group ? `the group ${options.group}` : 'the whole family'}.`);
      });
    });
}
