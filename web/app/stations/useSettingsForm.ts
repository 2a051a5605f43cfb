import { useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { settingProblems } from './problems.js';

/** One part of a screen's settings being edited and saved on its own. */
export interface SettingsForm<T> {
  draft: T;
  setDraft: Dispatch<SetStateAction<T>>;
  busy: boolean;
  /** The answer's problems by field (`clock.dayParts.afternoon`), as sentences. */
  problems: Record<string, string>;
  /** A problem that is not about a field (no network, the person was removed). */
  formError: string | null;
  /** "Saved…", shown and read out after a save. */
  said: string;
  /** What an edit did that the eye sees but a screen reader would miss (a reply moved), read out only. */
  note: string;
  say(text: string): void;
  /** The form's onSubmit: saves the draft. */
  submit(event: FormEvent): void;
  /** Runs another change of this part (back to the defaults) the same way. */
  run(action: () => Promise<T>, sentence: (saved: T) => string): Promise<void>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The draft of one part of the settings. When the part changes elsewhere (another admin, the
 * answer to a save) the draft follows, unless the admin is in the middle of editing it.
 * @param current - the part as the server has it now
 * @param save - sends the draft and returns the part as saved
 * @param savedText - the sentence announced after saving
 */
export function useSettingsForm<T>(current: T, save: (draft: T) => Promise<T>, savedText: (saved: T) => string): SettingsForm<T> {
  const i18n = useI18n();
  const [draft, setDraftState] = useState(current);
  const [base, setBase] = useState(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [said, setSaid] = useState('');
  const [note, setNote] = useState('');
  if (!same(current, base)) {
    setBase(current);
    if (same(draft, base)) setDraftState(current);
  }

  const setDraft: Dispatch<SetStateAction<T>> = (next) => {
    setSaid('');
    setNote('');
    setDraftState(next);
  };

  const run = async (action: () => Promise<T>, sentence: (saved: T) => string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaid('');
    setNote('');
    try {
      const saved = await action();
      setDraftState(saved);
      setBase(saved);
      setSaid(sentence(saved));
    } catch (thrown) {
      setError(thrown);
    } finally {
      setBusy(false);
    }
  };

  const problems = settingProblems(error, i18n);
  return {
    draft,
    setDraft,
    busy,
    problems,
    formError: error && Object.keys(problems).length === 0 ? errorSentence(error, i18n) : null,
    said,
    note,
    say: setNote,
    submit: (event) => {
      event.preventDefault();
      void run(() => save(draft), savedText);
    },
    run,
  };
}
