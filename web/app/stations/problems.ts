/**
 * The server's problems with a screen's name and settings, in the reader's words. The server
 * names the field and the problem in English (server/routes/stationSettings.ts,
 * server/services/stationSettings.ts); the known ones are recognised here, others fall back to
 * the general sentences of web/common/errors.ts.
 */
import { ApiError, type FieldIssue } from '../../common/api.js';
import { problemSentence } from '../../common/errors.js';
import type { I18n, MessageKey } from '../../common/i18n.js';

const partWords: Record<string, MessageKey> = {
  morning: 'stationSettings.partWord.morning',
  afternoon: 'stationSettings.partWord.afternoon',
  evening: 'stationSettings.partWord.evening',
  night: 'stationSettings.partWord.night',
};

/** One problem as a sentence for beside its field. */
export function settingProblem(issue: FieldIssue, i18n: I18n): string {
  const { field, problem } = issue;
  if (problem.startsWith('must be a time like')) return i18n.t('stationSettings.problem.time');
  const order = problem.match(/^must come after the start of the (\w+) \((\d\d:\d\d)\)/);
  const part = field.match(/^clock\.dayParts\.(\w+)$/)?.[1];
  const partKey = part ? partWords[part] : undefined;
  const beforeKey = order ? partWords[order[1] as string] : undefined;
  if (order && partKey && beforeKey) return i18n.t('stationSettings.problem.dayPartOrder', { part: i18n.t(partKey), before: i18n.t(beforeKey), time: order[2] as string });
  if (field === 'nightMode.until' && problem.startsWith('must differ')) return i18n.t('stationSettings.problem.nightSame');
  if (field.startsWith('quickReplies.')) {
    if (problem === 'must not be empty' || problem === 'is required') return i18n.t('stationSettings.problem.replyEmpty');
    if (problem === 'is already in the list') return i18n.t('stationSettings.problem.replyTwice');
  }
  if (field === 'ringVolume') return i18n.t('stationSettings.problem.volume');
  if (field === 'name' && (problem === 'must not be empty' || problem === 'is required')) return i18n.t('stations.name.required');
  if (field === 'code') return i18n.t(problem === 'is required' ? 'stations.code.required' : 'stations.code.format');
  if (field === 'stationPersonId') return i18n.t('stations.person.required');
  return problemSentence(issue, i18n);
}

/** Field name → sentence, for the issues of an invalid_input answer (empty for other errors). */
export function settingProblems(error: unknown, i18n: I18n): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const issue of error.issues) result[issue.field] ??= settingProblem(issue, i18n);
  return result;
}

/** The sentence for a screen's name field, if the answer was about it. */
export function nameProblem(error: unknown, i18n: I18n): string | null {
  return settingProblems(error, i18n).name ?? null;
}
