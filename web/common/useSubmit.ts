import { useState, type FormEvent } from 'react';

/** The state of a form that sends something: busy while it runs, its error, and whether it went through. */
export interface Submission {
  busy: boolean;
  error: unknown;
  done: boolean;
  /** The form's onSubmit: runs the action once, keeping busy, error and done up to date. */
  submit(event: FormEvent): Promise<void>;
}

/** One way for every small form to send: no double submits, the error kept for the form to show. */
export function useSubmit(action: () => Promise<void>): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await action();
      setDone(true);
    } catch (thrown) {
      setError(thrown);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, submit };
}
