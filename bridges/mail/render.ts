import type { MailRenderer, MailTemplate, MailTemplates } from '../../server/services/ports.js';
import { t, type Language, type MessageKey } from '../../server/i18n/index.js';

/** Escapes text for HTML, so names with markup arrive as text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Layout {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; link: string };
  after: string[];
  footer: string;
}

/** The catalogue keys of each template; the texts live in server/i18n with every other string. */
const keys: Record<MailTemplate, { subject: MessageKey; body: MessageKey; action?: MessageKey; after: MessageKey[] }> = {
  invitation: { subject: 'mail.invitation.subject', body: 'mail.invitation.body', action: 'mail.invitation.action', after: ['mail.invitation.expiry', 'mail.ignore'] },
  magicLink: { subject: 'mail.magicLink.subject', body: 'mail.magicLink.body', action: 'mail.magicLink.action', after: ['mail.magicLink.expiry', 'mail.ignore'] },
  welcome: { subject: 'mail.welcome.subject', body: 'mail.welcome.body', action: 'mail.welcome.action', after: [] },
  test: { subject: 'mail.test.subject', body: 'mail.test.body', after: [] },
  supportRequest: { subject: 'mail.supportRequest.subject', body: 'mail.supportRequest.body', action: 'mail.supportRequest.action', after: [] },
  supportAnswer: { subject: 'mail.supportAnswer.subject', body: 'mail.supportAnswer.body', action: 'mail.supportAnswer.action', after: [] },
  supportClosed: { subject: 'mail.supportClosed.subject', body: 'mail.supportClosed.body', action: 'mail.supportClosed.action', after: [] },
};

function layoutFor<T extends MailTemplate>(template: T, language: Language, params: MailTemplates[T] & { family: string }): Layout {
  const p = params as unknown as Record<string, string>;
  const say = (key: MessageKey) => t(language, key, p);
  const spec =
    template === 'invitation' && !p.inviter
      ? { ...keys.invitation, subject: 'mail.invitation.subjectFamily' as const, body: 'mail.invitation.bodyFamily' as const }
      : keys[template];
  return {
    subject: say(spec.subject),
    greeting: p.name ? say('mail.greeting') : say('mail.greetingAnonymous'),
    paragraphs: say(spec.body).split('\n\n'),
    ...(spec.action && p.link ? { action: { label: say(spec.action), link: p.link } } : {}),
    after: spec.after.map(say),
    footer: say('mail.footer'),
  };
}

function toText(layout: Layout): string {
  const parts = [layout.greeting, '', ...layout.paragraphs];
  if (layout.action) parts.push('', `${layout.action.label}:`, layout.action.link);
  if (layout.after.length) parts.push('', ...layout.after);
  parts.push('', '--', layout.footer);
  return `${parts.join('\n')}\n`;
}

function toHtml(layout: Layout, language: Language): string {
  const paragraph = (text: string) => `<p style="margin:0 0 16px;white-space:pre-wrap">${escapeHtml(text)}</p>`;
  const action = layout.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(layout.action.link)}" style="background:#1d5c4d;color:#ffffff;padding:14px 22px;border-radius:8px;text-decoration:none;font-weight:bold;display:inline-block">${escapeHtml(layout.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:14px;color:#444;word-break:break-all">${escapeHtml(layout.action.link)}</p>`
    : '';
  return [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(layout.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f6f3ee;font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.5;color:#1a1a1a">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:28px;border-radius:12px">',
    paragraph(layout.greeting),
    ...layout.paragraphs.map(paragraph),
    action,
    ...layout.after.map(paragraph),
    `<p style="margin:24px 0 0;font-size:14px;color:#555">${escapeHtml(layout.footer)}</p>`,
    '</div></body></html>',
  ].join('');
}

/** Renders a mail template as subject, plain text and HTML in the recipient's language. */
export const renderMail: MailRenderer = (template, language, params) => {
  const layout = layoutFor(template, language, params);
  return { subject: layout.subject, text: toText(layout), html: toHtml(layout, language) };
};
