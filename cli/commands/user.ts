import type { Command } from 'commander';
import { presentInvitation } from '../../server/presenters/invitation.js';
import { presentUser } from '../../server/presenters/user.js';
import { emailField, languageField, roleField } from '../../server/schemas.js';
import { findUser, listUsers, removeUser, setRole } from '../../server/services/accounts.js';
import { systemActor } from '../../server/services/actor.js';
import { createSetupLink, inviteMember } from '../../server/services/invitations.js';
import { withServices, type CommonOptions } from '../context.js';
import { parseFlag, withData, withJson } from '../options.js';

/** `prifora user list|invite|remove|set-role|setup-link`: the same services as the web API. */
export function userCommand(program: Command): void {
  const user = program.command('user').description('the people of the family: list, invite, remove, roles');

  withJson(withData(user.command('list')))
    .description('list everyone in the family')
    .action(async (options: CommonOptions) =>
      withServices(options, async (services, out) => {
        const users = (await listUsers(services, { actor: systemActor })).map((u) => presentUser(u, systemActor));
        if (options.json) return out.json({ users });
        if (users.length === 0) return out.line('Nobody yet. Run "prifora user setup-link" to make the first admin.');
        out.table(
          users.map((u) => ({ name: `${u.firstName} ${u.lastName}`, username: u.username, email: u.email ?? '', role: u.role, joined: u.joinedAt.slice(0, 10) })),
          ['name', 'username', 'email', 'role', 'joined'],
        );
      }),
    );

  withJson(withData(user.command('invite')))
    .description('invite someone by email; the link is mailed and printed')
    .requiredOption('--email <address>', 'their email address')
    .option('--admin', 'make them an admin')
    .option('--language <nl|en>', 'language of the invitation mail (default: the family’s)')
    .action(async (options: CommonOptions & { email: string; admin?: boolean; language?: string }) => {
      const email = parseFlag('--email', emailField, options.email);
      const language = options.language === undefined ? undefined : parseFlag('--language', languageField, options.language);
      await withServices(options, async (services, out) => {
        const { invitation, link } = await inviteMember(services, { actor: systemActor, email, role: options.admin ? 'admin' : 'member', language });
        // Send now rather than wait for the server's queue; what fails stays queued for it.
        await services.mailQueue.flush();
        if (options.json) return out.json({ invitation: presentInvitation(invitation), link });
        out.line(`Invited ${email} as ${invitation.role}. The invitation mail went to ${services.mailer.description}.`);
        out.line(`The link (valid 7 days, works once): ${link}`);
      });
    });

  withJson(withData(user.command('remove')))
    .description('remove someone from the family (by email, username or id)')
    .argument('<who>', 'email, username or id')
    .action(async (who: string, options: CommonOptions) =>
      withServices(options, async (services, out) => {
        const target = await findUser(who);
        await removeUser(services, { actor: systemActor, userId: target.id });
        if (options.json) return out.json({ removed: target.id });
        out.line(`Removed ${target.firstName} ${target.lastName} (${target.email}) from the family.`);
      }),
    );

  withJson(withData(user.command('set-role')))
    .description('make someone admin or member')
    .argument('<who>', 'email, username or id')
    .argument('<role>', 'admin or member')
    .action(async (who: string, roleText: string, options: CommonOptions) => {
      const role = parseFlag('role', roleField, roleText);
      await withServices(options, async (services, out) => {
        const target = await findUser(who);
        const updated = await setRole(services, { actor: systemActor, userId: target.id, role });
        if (options.json) return out.json({ user: presentUser(updated, systemActor) });
        out.line(`${updated.firstName} ${updated.lastName} is now ${role}.`);
      });
    });

  withJson(withData(user.command('setup-link')))
    .description('print a new one-time link to create the first admin (24 hours)')
    .action(async (options: CommonOptions) =>
      withServices(options, async (services, out) => {
        const { link, expiresAt } = await createSetupLink(services);
        if (options.json) return out.json({ link, expiresAt: expiresAt.toISOString() });
        out.line('Open this link within 24 hours to become the first admin (earlier set-up links stop working):');
        out.line(`  ${link}`);
      }),
    );
}
