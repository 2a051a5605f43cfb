import { CallSettings } from '../db/index.js';
import { conflict } from '../errors.js';
import { canManageNetwork } from '../policies/network.js';
import { authorize } from '../policies/user.js';
import { actorId, type Actor } from './actor.js';
import type { ServiceContext } from './context.js';
import { recordEvent } from './events.js';

/** The family's call settings as the admin sees them. */
export interface CallSettingsView {
  /** The admin allows calls to be recorded (F2); off by default. */
  recordingAllowed: boolean;
  /** Recording is set up at all: a Jitsi domain with jitsi.recording (Jibri) in the config. */
  recordingAvailable: boolean;
}

/** Whether this instance can record calls at all. */
export function recordingAvailable(ctx: ServiceContext): boolean {
  return ctx.config.jitsi.domain !== null && ctx.config.jitsi.recording;
}

/** Whether calls may be recorded now: set up, and allowed by the admin. */
export async function recordingAllowed(ctx: ServiceContext): Promise<boolean> {
  if (!recordingAvailable(ctx)) return false;
  return (await CallSettings.findByPk(1))?.recordingAllowed ?? false;
}

/** The family's call settings (admins). */
export async function getCallSettings(ctx: ServiceContext, input: { actor: Actor }): Promise<CallSettingsView> {
  authorize(canManageNetwork(input.actor), 'Only an admin can see the call settings.');
  return { recordingAllowed: (await CallSettings.findByPk(1))?.recordingAllowed ?? false, recordingAvailable: recordingAvailable(ctx) };
}

/**
 * Allows or stops call recording for the family (admins). Allowing it needs recording set up on
 * the family's Jitsi first; every token minted after the change follows it.
 */
export async function setCallSettings(ctx: ServiceContext, input: { actor: Actor; recordingAllowed: boolean }): Promise<CallSettingsView> {
  authorize(canManageNetwork(input.actor), 'Only an admin can change the call settings.');
  if (input.recordingAllowed && !recordingAvailable(ctx)) {
    throw conflict('Recording needs the family’s Jitsi with recording set up (jitsi.domain and jitsi.recording in the server’s config).');
  }
  await ctx.db.write(async (transaction) => {
    const [row] = await CallSettings.findOrCreate({ where: { id: 1 }, defaults: { id: 1, recordingAllowed: false, updatedById: null }, transaction });
    await row.update({ recordingAllowed: input.recordingAllowed, updatedById: actorId(input.actor) }, { transaction });
    await recordEvent(ctx, transaction, {
      type: 'call.settingsChanged',
      actorId: actorId(input.actor),
      audience: { admins: true },
      payload: { recordingAllowed: input.recordingAllowed },
    });
  });
  return { recordingAllowed: input.recordingAllowed, recordingAvailable: recordingAvailable(ctx) };
}
