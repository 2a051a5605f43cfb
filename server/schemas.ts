import { z } from 'zod';
import { languages } from './i18n/index.js';
import { limits } from './limits.js';

/**
 * Field schemas shared by the HTTP routes and the CLI, so a field is checked the same way at
 * every edge. Messages read as the "<problem>" part of "<field>: <problem>".
 */

// Control characters (C0, DEL, C1) never belong in a name; NUL in particular breaks tools downstream.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/;

/** A single line of text a person typed: trimmed, bounded, no control characters. */
export function line(max: number) {
  return z
    .string({ message: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !controlCharacters.test(value), 'must not contain control characters');
}

export const emailField = z
  .string({ message: 'must be text' })
  .trim()
  .toLowerCase()
  .max(limits.emailLength, `must be at most ${limits.emailLength} characters`)
  .pipe(z.email({ message: 'must be an email address like anna@example.org' }));

export const usernameField = z
  .string({ message: 'must be text' })
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(limits.usernameLength, `must be at most ${limits.usernameLength} characters`)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'may hold only letters, digits, dots, dashes and underscores');

export const mobileField = z
  .string({ message: 'must be text' })
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{5,19}$/, 'must be a phone number like +31 6 12345678');

export const passwordField = z
  .string({ message: 'must be text' })
  .min(limits.passwordMinLength, `must be at least ${limits.passwordMinLength} characters`)
  .max(limits.passwordMaxLength, `must be at most ${limits.passwordMaxLength} characters`);

export const languageField = z.enum(languages, { message: 'must be nl or en' });

export const roleField = z.enum(['admin', 'member'], { message: 'must be admin or member' });

/** The profile of a contact (PRODUCT.md): every field required but the photo. */
export const profileFields = {
  username: usernameField,
  firstName: line(limits.nameLength),
  lastName: line(limits.nameLength),
  mobile: mobileField,
};

/** A secret token from a link: opaque, bounded, URL-safe. */
export const tokenField = z
  .string({ message: 'must be text' })
  .min(20, 'is not a valid link token')
  .max(200, 'is not a valid link token')
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a valid link token');

export const uuidField = z.uuid({ message: 'must be an id' });

// In a chat message line breaks and tabs are text; every other control character is refused.
// eslint-disable-next-line no-control-regex
const messageControlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** The text of a chat message: 1 to 4,000 characters of any Unicode, no control characters. */
export const messageBodyField = z
  .string({ message: 'must be text' })
  .transform((value) => value.replace(/\r\n?/g, '\n'))
  .pipe(
    z
      .string()
      .refine((value) => value.trim().length > 0, 'must not be empty')
      .refine((value) => [...value].length <= limits.messageLength, `must be at most ${limits.messageLength} characters`)
      .refine((value) => !messageControlCharacters.test(value), 'must not contain control characters'),
  );

/** A date without time, like 1941-03-15. */
export const dateField = z.iso.date({ message: 'must be a date like 1941-03-15' });

/** An opaque page cursor. */
export const cursorField = z.string().max(40, 'is not a valid cursor');
