/**
 * The policies are small pure functions: each table below lists who asks, about what, and the
 * answer, and every case is its own test titled as a sentence.
 */
import test from 'ava';
import type { User } from '../../server/db/index.js';
import type { Audience } from '../../server/services/events.js';
import { canDeleteMessage, canEditMessage, canPost, canSeeConversation } from '../../server/policies/conversation.js';
import { canSeeEvent, type EventViewer } from '../../server/policies/event.js';
import { canManageNetwork, canSeeGroup, isRelative } from '../../server/policies/network.js';
import { authorize, canInvite, canManageMembers, canSeePersonalFields, isAdmin, isSelf } from '../../server/policies/user.js';
import { systemActor, type Actor } from '../../server/services/actor.js';

/** A signed-in person; the policies read only the id and role of the user. */
function person(id: string, role: User['role']): Actor {
  return { kind: 'user', user: { id, role } as User };
}

const admin = person('admin', 'admin');
const anna = person('anna', 'member');
const bob = person('bob', 'member');
const oma = person('oma', 'station');
const system = systemActor;

interface Case<A extends unknown[]> {
  title: string;
  args: A;
  expected: boolean;
}

/** One test per case: the policy answers as the title says. */
function cases<A extends unknown[]>(policy: (...args: A) => boolean, table: Array<Case<A>>): void {
  for (const { title, args, expected } of table) {
    test(title, (t) => {
      t.is(policy(...args), expected);
    });
  }
}

// server/policies/user.ts

cases(isAdmin, [
  { title: 'an admin is an admin', args: [admin], expected: true },
  { title: 'a member is not an admin', args: [anna], expected: false },
  { title: 'a station person is not an admin', args: [oma], expected: false },
  { title: 'the system (the CLI on the host) counts as an admin', args: [system], expected: true },
]);

cases(isSelf, [
  { title: 'a person is themself', args: [anna, { id: 'anna' }], expected: true },
  { title: 'a person is not someone else', args: [anna, { id: 'bob' }], expected: false },
  { title: 'an admin is not someone else either', args: [admin, { id: 'anna' }], expected: false },
  { title: 'the system is nobody in particular', args: [system, { id: 'anna' }], expected: false },
]);

cases(canInvite, [
  { title: 'an admin may invite people', args: [admin], expected: true },
  { title: 'a member may not invite people', args: [anna], expected: false },
  { title: 'the system may invite people', args: [system], expected: true },
]);

cases(canManageMembers, [
  { title: 'an admin may change roles and remove people', args: [admin], expected: true },
  { title: 'a member may not change roles or remove people', args: [bob], expected: false },
  { title: 'a station person may not change roles or remove people', args: [oma], expected: false },
]);

cases(canSeePersonalFields, [
  { title: 'a person sees their own email and phone', args: [anna, { id: 'anna' }], expected: true },
  { title: 'an admin sees anyone’s email and phone', args: [admin, { id: 'anna' }], expected: true },
  { title: 'a member does not see another member’s email and phone', args: [bob, { id: 'anna' }], expected: false },
  { title: 'a station person does not see a member’s email and phone', args: [oma, { id: 'anna' }], expected: false },
]);

test('authorize lets an allowed action through', (t) => {
  t.notThrows(() => authorize(true));
});

test('authorize refuses with 403 forbidden and the given message', (t) => {
  const error = t.throws(() => authorize(false, 'Only an admin can do this.'));
  t.like(error, { status: 403, code: 'forbidden', message: 'Only an admin can do this.' });
});

// server/policies/network.ts

cases(canManageNetwork, [
  { title: 'an admin shapes the network', args: [admin], expected: true },
  { title: 'a member does not shape the network', args: [anna], expected: false },
  { title: 'a station person does not shape the network', args: [oma], expected: false },
  { title: 'the system shapes the network', args: [system], expected: true },
]);

cases(canSeeGroup, [
  { title: 'a member sees a group they are in', args: [anna, ['admin', 'anna']], expected: true },
  { title: 'a member does not see a group they are not in', args: [bob, ['admin', 'anna']], expected: false },
  { title: 'an admin sees a group without being in it', args: [admin, ['anna', 'bob']], expected: true },
  { title: 'a member sees no empty group', args: [anna, []], expected: false },
]);

cases(isRelative, [
  { title: 'a member is a relative', args: [{ role: 'member' }], expected: true },
  { title: 'an admin is a relative', args: [{ role: 'admin' }], expected: true },
  { title: 'a station person is not a relative', args: [{ role: 'station' }], expected: false },
]);

// server/policies/conversation.ts

cases(canSeeConversation, [
  { title: 'a participant sees the conversation', args: [anna, ['anna', 'bob']], expected: true },
  { title: 'a member outside the conversation does not see it', args: [bob, ['anna', 'admin']], expected: false },
  { title: 'an admin outside a conversation does not see it, since chats are private', args: [admin, ['anna', 'bob']], expected: false },
  { title: 'an admin in a conversation sees it', args: [admin, ['anna', 'admin']], expected: true },
  { title: 'the system sees no conversation', args: [system, ['anna', 'bob']], expected: false },
]);

cases(canPost, [
  { title: 'a participant writes in the conversation', args: [anna, ['anna', 'bob']], expected: true },
  { title: 'someone outside the conversation does not write in it', args: [bob, ['anna', 'admin']], expected: false },
]);

const annasMessage = { authorId: 'anna', deletedAt: null };
const annasDeletedMessage = { authorId: 'anna', deletedAt: new Date('2025-01-01T12:00:00Z') };

cases(canEditMessage, [
  { title: 'the author edits their message', args: [anna, annasMessage], expected: true },
  { title: 'someone else does not edit a message', args: [bob, annasMessage], expected: false },
  { title: 'an admin does not edit someone else’s message', args: [admin, annasMessage], expected: false },
  { title: 'the author does not edit a deleted message', args: [anna, annasDeletedMessage], expected: false },
  { title: 'the system does not edit a message', args: [system, annasMessage], expected: false },
]);

cases(canDeleteMessage, [
  { title: 'the author deletes their message', args: [anna, annasMessage], expected: true },
  { title: 'an admin deletes someone else’s message', args: [admin, annasMessage], expected: true },
  { title: 'a member does not delete someone else’s message', args: [bob, annasMessage], expected: false },
  { title: 'a deleted message is not deleted again by its author', args: [anna, annasDeletedMessage], expected: false },
  { title: 'a deleted message is not deleted again by an admin', args: [admin, annasDeletedMessage], expected: false },
]);

// server/policies/event.ts

const viewer = (id: string, role: User['role']): EventViewer => ({ kind: 'user', user: { id, role } });
const everyone: Audience = { all: true };
const adminsAndAnna: Audience = { admins: true, users: ['anna'] };
const adminsOnly: Audience = { admins: true };
const annaOnly: Audience = { users: ['anna'] };

cases(canSeeEvent, [
  { title: 'a member sees an event for the whole family', args: [viewer('bob', 'member'), everyone], expected: true },
  { title: 'an admin sees an event for the admins', args: [viewer('admin', 'admin'), adminsOnly], expected: true },
  { title: 'a member does not see an event for the admins only', args: [viewer('anna', 'member'), adminsOnly], expected: false },
  { title: 'a member listed beside the admins sees the event', args: [viewer('anna', 'member'), adminsAndAnna], expected: true },
  { title: 'a member not listed beside the admins does not see the event', args: [viewer('bob', 'member'), adminsAndAnna], expected: false },
  { title: 'a listed user sees an event for listed users', args: [viewer('anna', 'member'), annaOnly], expected: true },
  { title: 'an admin does not see an event meant for listed users only', args: [viewer('admin', 'admin'), annaOnly], expected: false },
  { title: 'the system sees every event', args: [{ kind: 'system' }, annaOnly], expected: true },
  { title: 'a malformed audience read back from the log is seen by nobody', args: [viewer('anna', 'member'), { users: 'anna' } as unknown as Audience], expected: false },
  { title: 'an audience with all set to false is not the whole family', args: [viewer('anna', 'member'), { all: false } as unknown as Audience], expected: false },
]);
