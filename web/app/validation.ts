/**
 * The checks the forms run before sending, mirroring server/schemas.ts with the limits of
 * server/limits.ts, so most mistakes are explained in the person's words without a round trip.
 * The server checks again; its answer wins.
 */
import { limits } from '../../server/limits.js';
import type { I18n } from '../common/i18n.js';

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const usernamePattern = /^[\p{L}\p{N}._-]+$/u;
const mobilePattern = /^\+?[0-9][0-9 ()-]{5,19}$/;

/** Field name → sentence, for the fields that are not right; empty when all are. */
export type FieldErrors = Partial<Record<string, string>>;

/** The problem with an email address, or undefined. */
export function checkEmail(value: string, i18n: I18n): string | undefined {
  const email = value.trim();
  if (!email) return i18n.t('problem.email.required');
  if (email.length > limits.emailLength) return i18n.t('problem.tooLong', { max: limits.emailLength });
  if (!emailPattern.test(email)) return i18n.t('problem.email.format');
  return undefined;
}

function checkName(value: string, i18n: I18n, required: 'problem.firstName.required' | 'problem.lastName.required'): string | undefined {
  const name = value.trim();
  if (!name) return i18n.t(required);
  if (name.length > limits.nameLength) return i18n.t('problem.tooLong', { max: limits.nameLength });
  if (controlCharacters.test(name)) return i18n.t('problem.controlCharacters');
  return undefined;
}

/** The profile someone fills in to join the family. */
export interface ProfileValues {
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  mobile: string;
  method: 'password' | 'magic';
  password: string;
}

/**
 * Checks the join form.
 * @param options.withEmail - whether the person types their address (the set-up link)
 */
export function checkProfile(values: ProfileValues, options: { withEmail: boolean }, i18n: I18n): FieldErrors {
  const errors: FieldErrors = {};
  if (options.withEmail) errors.email = checkEmail(values.email, i18n);
  errors.firstName = checkName(values.firstName, i18n, 'problem.firstName.required');
  errors.lastName = checkName(values.lastName, i18n, 'problem.lastName.required');

  const username = values.username.trim();
  if (!username) errors.username = i18n.t('problem.username.required');
  else if (username.length < 3) errors.username = i18n.t('problem.tooShort', { min: 3 });
  else if (username.length > limits.usernameLength) errors.username = i18n.t('problem.tooLong', { max: limits.usernameLength });
  else if (!usernamePattern.test(username)) errors.username = i18n.t('problem.username.format');

  const mobile = values.mobile.trim();
  if (!mobile) errors.mobile = i18n.t('problem.mobile.required');
  else if (!mobilePattern.test(mobile)) errors.mobile = i18n.t('problem.mobile.format');

  if (values.method === 'password') {
    if (!values.password) errors.password = i18n.t('problem.newPassword.required');
    else if (values.password.length < limits.passwordMinLength) errors.password = i18n.t('problem.tooShort', { min: limits.passwordMinLength });
    else if (values.password.length > limits.passwordMaxLength) errors.password = i18n.t('problem.tooLong', { max: limits.passwordMaxLength });
  }
  return withoutEmpty(errors);
}

/** Drops the fields without a problem. */
export function withoutEmpty(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, sentence]) => sentence)) as FieldErrors;
}

/** The minimum password length, for hints. */
export const passwordMinLength = limits.passwordMinLength;
