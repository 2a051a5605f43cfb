import type { Command } from 'commander';
import { emailField } from '../../server/schemas.js';
import { listMailQueue, retryFailedMail, sendTestMail } from '../../server/services/mail.js';
import { withServices, type CommonOptions } from '../context.js';
import { parseFlag, withData, withJson } from '../options.js';

/** `prifora mail test|queue`. */
export function mailCommand(program: Command): void {
  const mail = program.command('mail').description('outgoing mail: test the settings, see the queue');

  withJson(withData(mail.command('test')))
    .description('send a test mail now with the configured settings')
    .requiredOption('--to <address>', 'where to send it')
    .action(async (options: CommonOptions & { to: string }) => {
      const to = parseFlag('--to', emailField, options.to);
      await withServices(options, async (services, out) => {
        const { via } = await sendTestMail(services, { to });
        if (options.json) return out.json({ sent: true, to, via });
        out.line(`Sent a test mail to ${to} via ${via}.`);
      });
    });

  withJson(withData(mail.command('queue')))
    .description('list mail that is waiting to be sent or has failed')
    .option('--retry', 'put failed mail back in the queue')
    .action(async (options: CommonOptions & { retry?: boolean }) =>
      withServices(options, async (services, out) => {
        const retried = options.retry ? await retryFailedMail() : 0;
        const jobs = await listMailQueue();
        const rows = jobs.map((job) => ({
          id: String(job.id),
          status: job.status,
          to: job.to,
          subject: job.subject,
          attempts: String(job.attempts),
          next: job.status === 'pending' ? job.nextAttemptAt.toISOString() : '',
          error: job.lastError ?? '',
        }));
        if (options.json) return out.json({ retried, mail: rows.map((r) => ({ ...r, id: Number(r.id), attempts: Number(r.attempts) })) });
        if (options.retry) out.note(`${retried} failed mail put back in the queue.`);
        if (rows.length === 0) return out.line(`Nothing waiting: all mail has been sent (via ${services.mailer.description}).`);
        out.table(rows, ['id', 'status', 'to', 'subject', 'attempts', 'next', 'error']);
      }),
    );
}
