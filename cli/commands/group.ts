import type { Command } from 'commander';
import { z } from 'zod';
import { limits } from '../../server/limits.js';
import { presentGroup } from '../../server/presenters/group.js';
import { line } from '../../server/schemas.js';
import { findUser, listUsers } from '../../server/services/accounts.js';
import { systemActor } from '../../server/services/actor.js';
import { createGroup, deleteGroup, findGroupByReference, getGroup, listGroups, renameGroup, setGroupMembers } from '../../server/services/network.js';
import { withServices, type CommonOptions } from '../context.js';
import { parseFlag, withData, withJson } from '../options.js';

const nameFlag = line(limits.nameLength);

async function idsOf(references: string[]): Promise<string[]> {
  return Promise.all(references.map(async (reference) => (await findUser(reference)).id));
}

/** `prifora group list|create|rename|delete|members`: the same services as the web API. */
export function groupCommand(program: Command): void {
  const group = program.command('group').description('groups of the family ("grandchildren", "neighbours") and who is in them');

  withJson(withData(group.command('list')))
    .description('list the groups and their members')
    .action(async (options: CommonOptions) =>
      withServices(options, async (services, out) => {
        const groups = await listGroups(services, { actor: systemActor });
        if (options.json) return out.json({ groups: groups.map((g) => presentGroup(g, systemActor)) });
        if (groups.length === 0) return out.line('No groups yet. Create one with "prifora group create NAME".');
        const users = await listUsers(services, { actor: systemActor });
        const name = (id: string) => users.find((u) => u.id === id)?.firstName ?? id;
        out.table(groups.map((g) => ({ name: g.group.name, members: g.memberIds.map(name).join(', '), id: g.group.id })), ['name', 'members', 'id']);
      }),
    );

  withJson(withData(group.command('create')))
    .description('create a group with its conversation')
    .argument('<name>', 'the group’s name')
    .option('--member <who...>', 'members by email, username or id')
    .action(async (nameText: string, options: CommonOptions & { member?: string[] }) => {
      const name = parseFlag('name', nameFlag, nameText);
      await withServices(options, async (services, out) => {
        const created = await createGroup(services, { actor: systemActor, name, memberIds: await idsOf(options.member ?? []) });
        if (options.json) return out.json({ group: presentGroup(created, systemActor) });
        out.line(`Created the group ${created.group.name} with ${created.memberIds.length} members.`);
      });
    });

  withJson(withData(group.command('rename')))
    .description('rename a group')
    .argument('<group>', 'the group’s name or id')
    .argument('<name>', 'the new name')
    .action(async (reference: string, nameText: string, options: CommonOptions) => {
      const name = parseFlag('name', nameFlag, nameText);
      await withServices(options, async (services, out) => {
        const found = await findGroupByReference(reference);
        const renamed = await renameGroup(services, { actor: systemActor, groupId: found.id, name });
        if (options.json) return out.json({ group: presentGroup(renamed, systemActor) });
        out.line(`Renamed ${reference} to ${renamed.group.name}.`);
      });
    });

  withJson(withData(group.command('delete')))
    .description('delete a group and its conversation')
    .argument('<group>', 'the group’s name or id')
    .action(async (reference: string, options: CommonOptions) =>
      withServices(options, async (services, out) => {
        const found = await findGroupByReference(reference);
        await deleteGroup(services, { actor: systemActor, groupId: found.id });
        if (options.json) return out.json({ deleted: found.id });
        out.line(`Deleted the group ${found.name}.`);
      }),
    );

  withJson(withData(group.command('members')))
    .description('show who is in a group, or change it with --set, --add or --remove')
    .argument('<group>', 'the group’s name or id')
    .option('--set <who...>', 'the members, replacing the current ones')
    .option('--add <who...>', 'people to add')
    .option('--remove <who...>', 'people to remove')
    .action(async (reference: string, options: CommonOptions & { set?: string[]; add?: string[]; remove?: string[] }) =>
      withServices(options, async (services, out) => {
        const found = await findGroupByReference(reference);
        let result = await getGroup(services, { actor: systemActor, groupId: found.id });
        if (options.set || options.add || options.remove) {
          const removed = new Set(await idsOf(options.remove ?? []));
          const base = options.set ? await idsOf(options.set) : result.memberIds;
          const memberIds = [...base, ...(await idsOf(options.add ?? []))].filter((id) => !removed.has(id));
          result = await setGroupMembers(services, { actor: systemActor, groupId: found.id, memberIds });
        }
        if (options.json) return out.json({ group: presentGroup(result, systemActor) });
        const users = await listUsers(services, { actor: systemActor });
        const rows = result.memberIds.map((id) => users.find((u) => u.id === id)).filter((u) => !!u).map((u) => ({ name: `${u.firstName} ${u.lastName}`, email: u.email, role: u.role }));
        if (rows.length === 0) return out.line(`Nobody is in ${result.group.name} yet.`);
        out.table(rows, ['name', 'email', 'role']);
      }),
    );
}

export const noticeText = z.string().trim().min(1, 'must not be empty').max(limits.messageLength, `must be at most ${limits.messageLength} characters`);
