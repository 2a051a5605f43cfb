import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { systemActor } from '../../server/services/actor.js';
import { createSetupLink, inviteMember } from '../../server/services/invitations.js';
import type { TestServer } from './server.js';

let counter = 0;

/** The profile fields of a new member, unique per call; override any of them. */
export function buildProfile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    username: `member${counter}`,
    firstName: 'Anna',
    lastName: 'de Vries',
    mobile: '+31 6 12345678',
    password: 'correct horse battery',
    ...overrides,
  };
}

/** The token in the fragment of an emailed link. */
export function tokenOf(link: string): string {
  return link.slice(link.indexOf('#') + 1);
}

/** A signed-in person: their id, their cookie and what they signed in with. */
export interface Member {
  id: string;
  cookie: string;
  email: string;
  password: string;
}

/** Creates the first admin through the set-up link, over HTTP, and returns them signed in. */
export async function buildAdmin(server: TestServer, overrides: Record<string, unknown> = {}): Promise<Member> {
  const { link } = await createSetupLink(server.running.services);
  const profile = buildProfile({ email: 'admin@example.org', firstName: 'Pieter', ...overrides });
  const response = await server.api('/api/v1/invitations/accept', { body: { token: tokenOf(link), ...profile } });
  if (response.status !== 201 || !response.cookie) throw new Error(`set-up failed: ${JSON.stringify(response.body)}`);
  return { id: response.body.user.id, cookie: response.cookie, email: String(profile.email), password: String(profile.password) };
}

/** Invites someone (as the system) and accepts over HTTP; returns them signed in. */
export async function buildMember(server: TestServer, overrides: Record<string, unknown> = {}): Promise<Member> {
  const email = String(overrides.email ?? `relative${++counter}@example.org`);
  const { link } = await inviteMember(server.running.services, { actor: systemActor, email, role: (overrides.role as 'admin' | 'member') ?? 'member' });
  const { email: _email, role: _role, ...rest } = overrides;
  const profile = buildProfile(rest);
  const response = await server.api('/api/v1/invitations/accept', { body: { token: tokenOf(link), ...profile } });
  if (response.status !== 201 || !response.cookie) throw new Error(`accept failed: ${JSON.stringify(response.body)}`);
  return { id: response.body.user.id, cookie: response.cookie, email, password: String(profile.password) };
}

/** The mails the outbox transport wrote, parsed, oldest first. */
export async function outboxMails(server: TestServer) {
  const dir = path.join(server.dataDir, 'outbox');
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map(async (file) => simpleParser(fs.readFileSync(path.join(dir, file)))));
}

/** Waits until a condition holds, checking on every event-loop turn (up to a timeout). */
export async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first link in a mail's text. */
export function linkIn(text: string | undefined): string {
  const match = text?.match(/https?:\/\/\S+/);
  if (!match) throw new Error('no link in mail');
  return match[0];
}
