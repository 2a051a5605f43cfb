import { Op } from 'sequelize';
import { MailJob, type Transaction } from '../db/index.js';
import type { Language } from '../i18n/index.js';
import type { ServiceContext } from './context.js';
import type { MailTemplate, MailTemplates } from './ports.js';

/** Attempts before a mail is marked failed (about a day of back-off). */
export const maxMailAttempts = 12;

/** How long a claimed mail is hidden from other senders while it is being sent. */
const claimMs = 5 * 60 * 1000;

/** Back-off before attempt n+1: 10 s doubling, capped at 4 hours. */
export function mailBackoffMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 4 * 60 * 60 * 1000);
}

/**
 * Renders a mail in the recipient's language and queues it in the caller's transaction, so a
 * mail exists exactly when the change that caused it committed. Sent by the mail queue.
 */
export async function queueMail<T extends MailTemplate>(
  ctx: ServiceContext,
  transaction: Transaction,
  input: { to: string; language: Language; template: T; params: MailTemplates[T] },
): Promise<MailJob> {
  const rendered = ctx.renderMail(input.template, input.language, { ...input.params, family: ctx.config.family.name });
  const job = await MailJob.create(
    { to: input.to, ...rendered, status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null, sentAt: null },
    { transaction },
  );
  transaction.afterCommit(() => ctx.kickMailQueue());
  return job;
}

/** Sends a test mail right away (not queued), so the caller learns at once whether mail works. */
export async function sendTestMail(ctx: ServiceContext, input: { to: string; language?: Language }): Promise<{ via: string }> {
  const rendered = ctx.renderMail('test', input.language ?? ctx.config.family.language, { family: ctx.config.family.name });
  await ctx.mailer.send({ to: input.to, ...rendered });
  return { via: ctx.mailer.description };
}

/** Mail that is waiting or was given up on, oldest first. */
export async function listMailQueue(input: { status?: 'pending' | 'failed' | 'sent' } = {}): Promise<MailJob[]> {
  const where = input.status ? { status: input.status } : { status: { [Op.in]: ['pending', 'failed'] } };
  return MailJob.findAll({ where, order: [['id', 'ASC']], limit: 500 });
}

/**
 * Sends every due mail once. A failure schedules the next attempt with back-off; after
 * maxMailAttempts the mail is marked failed. Returns how many were sent.
 */
export async function sendDueMail(ctx: ServiceContext, now = new Date()): Promise<number> {
  const due = await MailJob.findAll({
    where: { status: 'pending', nextAttemptAt: { [Op.lte]: now } },
    order: [['id', 'ASC']],
    limit: 20,
  });
  let sent = 0;
  for (const job of due) {
    // Claim the job first: the server's queue and a CLI command may look at the same moment.
    const [claimed] = await MailJob.update(
      { nextAttemptAt: new Date(Date.now() + claimMs) },
      { where: { id: job.id, status: 'pending', nextAttemptAt: job.nextAttemptAt } },
    );
    if (!claimed) continue;
    try {
      await ctx.mailer.send({ to: job.to, subject: job.subject, text: job.text, html: job.html });
      await job.update({ status: 'sent', sentAt: new Date(), attempts: job.attempts + 1, lastError: null });
      ctx.logger.info({ mailId: job.id, subject: job.subject, via: ctx.mailer.kind }, 'mail sent');
      sent += 1;
    } catch (error) {
      const attempts = job.attempts + 1;
      const failed = attempts >= maxMailAttempts;
      await job.update({
        attempts,
        status: failed ? 'failed' : 'pending',
        nextAttemptAt: new Date(Date.now() + mailBackoffMs(attempts)),
        lastError: String((error as Error).message ?? error).slice(0, 1000),
      });
      ctx.logger.warn({ mailId: job.id, attempts, err: (error as Error).message }, failed ? 'mail failed for good' : 'mail will be retried');
    }
  }
  return sent;
}

/** Moves failed mail back into the queue for another round of attempts. */
export async function retryFailedMail(): Promise<number> {
  const [count] = await MailJob.update(
    { status: 'pending', attempts: 0, nextAttemptAt: new Date() },
    { where: { status: 'failed' } },
  );
  return count;
}

/**
 * The background sender: wakes when kicked and at the next due time, sends, sleeps.
 * Runs inside the server process; the queue lives in the database, so a restart loses nothing.
 */
export class MailQueue {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #started = false;
  #stopped = false;

  constructor(private readonly ctx: ServiceContext, private readonly idleMs = 30_000) {}

  /** Starts sending in the background (the server does; one-shot CLI commands use flush). */
  start(): void {
    this.#started = true;
    this.#stopped = false;
    this.kick();
  }

  /** Looks for due mail now, once started. Kicks during a run cause one more run. */
  kick(): void {
    if (!this.#started || this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.#run().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.kick();
      }
    });
  }

  /** Sends what is due now and waits for it, without starting the background loop. */
  async flush(): Promise<void> {
    await this.#running;
    const run = sendDueMail(this.ctx).then(() => undefined);
    this.#running = run;
    await run.finally(() => {
      this.#running = undefined;
    });
  }

  /** Stops waking up and waits for a send in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  async #run(): Promise<void> {
    try {
      await sendDueMail(this.ctx);
    } catch (error) {
      this.ctx.logger.error({ err: error }, 'mail queue run failed');
    }
    if (this.#stopped) return;
    const next = await MailJob.min<Date, MailJob>('nextAttemptAt', { where: { status: 'pending' } }).catch(() => null);
    const wait = next ? Math.max(50, Math.min(this.idleMs, new Date(next).getTime() - Date.now())) : this.idleMs;
    this.#timer = setTimeout(() => this.kick(), wait);
    this.#timer.unref();
  }
}
