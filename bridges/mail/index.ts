import path from 'node:path';
import type { Mailer } from '../../server/services/ports.js';
import { createOutboxMailer, type OutboxLog } from './outbox.js';
import { createSmtpMailer, type SmtpSettings } from './smtp.js';

export { renderMail, escapeHtml } from './render.js';

/** The mail part of a prifora config. */
export interface MailSettings {
  from: string;
  smtp: Omit<SmtpSettings, 'from' | 'host'> & { host: string | null };
}

/** SMTP when a host is configured, otherwise the outbox directory of the data dir. */
export function createMailer(settings: MailSettings, dataDir: string, log: OutboxLog): Mailer {
  if (settings.smtp.host) return createSmtpMailer({ ...settings.smtp, host: settings.smtp.host, from: settings.from });
  return createOutboxMailer(path.join(dataDir, 'outbox'), settings.from, log);
}
