import type { Transporter } from 'nodemailer';
import type { Mailer, OutgoingMail } from '../../server/services/ports.js';

/** The SMTP settings of config.json's mail section. */
export interface SmtpSettings {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  user: string | null;
  password: string | null;
  from: string;
}

/**
 * Sends over SMTP with nodemailer. "tls" connects encrypted, "starttls" refuses to go on
 * without the upgrade, "none" sends in the clear (a trusted LAN relay only).
 */
export function createSmtpMailer(settings: SmtpSettings): Mailer {
  // nodemailer costs ~5 MB and ~30 ms at start; load it with the first mail.
  let transport: Transporter | undefined;
  const open = async (): Promise<Transporter> => (transport ??= (await import('nodemailer')).default.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  }));
  return {
    kind: 'smtp',
    description: `${settings.host}:${settings.port} (${settings.security})`,
    async send(mail: OutgoingMail) {
      await (await open()).sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close: () => transport?.close(),
  };
}
