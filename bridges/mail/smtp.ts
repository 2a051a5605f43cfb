import nodemailer from 'nodemailer';
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
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    kind: 'smtp',
    description: `${settings.host}:${settings.port} (${settings.security})`,
    async send(mail: OutgoingMail) {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close: () => transport.close(),
  };
}
