/**
 * Turns API errors into sentences in the person's language: never a code, always a next step.
 * Screens may say a code in their own words (an invitation's link_used differs from a sign-in
 * link's); everything else uses the general sentence of the code, and a code the catalogue does
 * not know falls back to the server's own (already translated) message.
 */
import { ApiError, type ApiErrorCode, type FieldIssue } from './api.js';
import type { I18n, MessageKey } from './i18n.js';

/** The screen's own sentences for some codes, e.g. `{ link_used: 'invite.link_used' }`. */
export type ErrorSentences = Partial<Record<ApiErrorCode, MessageKey>>;

// The codes with a general sentence in the catalogues; others fall through to the server's message.
const generalCodes = new Set<ApiErrorCode>([
  'invalid_input',
  'malformed_json',
  'body_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'forbidden',
  'bad_origin',
  'not_found',
  'conflict',
  'invalid_credentials',
  'link_invalid',
  'link_used',
  'link_expired',
  'link_revoked',
  'already_member',
  'admin_exists',
  'last_admin',
  'mail_failed',
  'internal',
  'network',
  'bad_response',
]);

// Codes whose general sentence lives in an area's catalogue (web/common/messages/<area>.*.ts).
const areaSentences: ErrorSentences = {
  wrong_password: 'people.error.wrong_password',
  unsupported_file: 'people.error.unsupported_file',
  unprocessable_media: 'people.error.unprocessable_media',
  storage_full: 'people.error.storage_full',
  range_not_satisfiable: 'people.error.range_not_satisfiable',
  pairing_unknown: 'stations.error.pairing_unknown',
  pairing_expired: 'stations.error.pairing_expired',
  pairing_used: 'stations.error.pairing_used',
};

/** "Too many attempts. Please try again in 3 minutes, at 14:35." */
function rateLimitSentence(error: ApiError, i18n: I18n): string {
  if (!error.retryAfterSeconds) return i18n.t('error.rate_limited');
  const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
  const time = i18n.formatTime(new Date(Date.now() + error.retryAfterSeconds * 1000));
  return i18n.t(minutes === 1 ? 'error.rate_limited.one' : 'error.rate_limited.other', { minutes, time });
}

/**
 * The sentence for anything a call threw.
 * @param own - the screen's wording for particular codes
 */
export function errorSentence(error: unknown, i18n: I18n, own: ErrorSentences = {}): string {
  if (!(error instanceof ApiError)) return i18n.t('error.internal');
  const ownKey = own[error.code];
  if (ownKey) return i18n.t(ownKey);
  if (error.code === 'rate_limited') return rateLimitSentence(error, i18n);
  if (generalCodes.has(error.code)) return i18n.t(`error.${error.code}` as MessageKey);
  const areaKey = areaSentences[error.code];
  if (areaKey) return i18n.t(areaKey);
  return error.message || i18n.t('error.internal');
}

/**
 * The server's field problems (server/schemas.ts) in the person's words. The server sends them
 * in English only, so the known ones are recognised here; others are shown as they came.
 */
export function problemSentence(issue: FieldIssue, i18n: I18n): string {
  const { field, problem } = issue;
  let match: RegExpMatchArray | null;
  if (problem === 'is required' || problem === 'must not be empty') {
    const required: Record<string, MessageKey> = {
      email: 'problem.email.required',
      password: 'problem.newPassword.required',
      username: 'problem.username.required',
      firstName: 'problem.firstName.required',
      lastName: 'problem.lastName.required',
      mobile: 'problem.mobile.required',
    };
    const key = required[field];
    if (key) return i18n.t(key);
  }
  if ((match = problem.match(/^must be at least (\d+) characters$/))) return i18n.t('problem.tooShort', { min: Number(match[1]) });
  if ((match = problem.match(/^must be at most (\d+) characters$/))) return i18n.t('problem.tooLong', { max: Number(match[1]) });
  if (problem.startsWith('must be an email address')) return i18n.t('problem.email.format');
  if (problem.startsWith('must be a phone number')) return i18n.t('problem.mobile.format');
  if (problem.startsWith('may hold only letters')) return i18n.t('problem.username.format');
  if (problem === 'must not contain control characters') return i18n.t('problem.controlCharacters');
  if (problem === 'is already taken' && field === 'username') return i18n.t('problem.username.taken');
  return i18n.t('problem.other', { problem });
}

/** Field name → sentence, for the issues of an invalid_input error (empty for other errors). */
export function fieldErrors(error: unknown, i18n: I18n): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const issue of error.issues) result[issue.field] ??= problemSentence(issue, i18n);
  return result;
}
