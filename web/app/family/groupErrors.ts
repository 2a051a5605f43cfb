import { limits } from '../../../server/limits.js';
import { isApiError } from '../../common/api.js';
import { errorSentence, fieldErrors } from '../../common/errors.js';
import type { I18n } from '../../common/i18n.js';

/** The problem with a group name before sending it, or undefined. */
export function checkGroupName(name: string, i18n: I18n): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return i18n.t('people.group.nameRequired');
  if (trimmed.length > limits.nameLength) return i18n.t('problem.tooLong', { max: limits.nameLength });
  return undefined;
}

/**
 * What went wrong saving a group: beside the name field (a taken or bad name), or as a sentence
 * for the whole form.
 */
export function groupProblem(error: unknown, i18n: I18n): { name?: string; form?: string } {
  if (error === null) return {};
  const fields = fieldErrors(error, i18n);
  if (fields.name) return { name: fields.name };
  if (isApiError(error, 'conflict')) return { name: i18n.t('people.group.nameTaken') };
  return { form: errorSentence(error, i18n) };
}
