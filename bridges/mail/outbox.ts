import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Mailer, OutgoingMail } from '../../server/services/ports.js';

/** Something that takes one line about each mail (the server's logger). */
export type OutboxLog = (line: { to: string; subject: string; links: string[]; file: string }) => void;

/**
 * The embedded default: each mail becomes an .eml file in DATA/outbox (open it with any mail
 * program), and one log line names its subject and links, so a family without SMTP can still
 * pass an invitation link on by hand.
 */
export function createOutboxMailer(directory: string, from: string, log: OutboxLog): Mailer {
  return {
    kind: 'outbox',
    description: `files in ${directory}`,
    async send(mail: OutgoingMail) {
      await fs.mkdir(directory, { recursive: true, mode: 0o700 });
      // Loaded with the first mail: nodemailer stays out of memory until something is sent.
      const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
      const message = await new MailComposer({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html })
        .compile()
        .build();
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}.eml`;
      const file = path.join(directory, name);
      const temporary = `${file}.tmp`;
      await fs.writeFile(temporary, message, { mode: 0o600 });
      await fs.rename(temporary, file);
      log({ to: mail.to, subject: mail.subject, links: mail.text.match(/https?:\/\/\S+/g) ?? [], file });
    },
    close: () => undefined,
  };
}
