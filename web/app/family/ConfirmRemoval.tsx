import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../common/components/Button.js';

/** The words of one removal: the button, the question, what follows, and the two answers. */
export interface RemovalWords {
  start: string;
  question: string;
  consequence: string;
  confirm: string;
  busy: string;
  cancel: string;
}

/**
 * A removal in two steps: the button opens a question in place (no pop-up), answered with
 * "Yes, remove" or "Keep". The question takes the focus so it is read out; keeping returns the
 * focus to the button.
 */
export function ConfirmRemoval(props: { words: RemovalWords; busy: boolean; onConfirm(): void }) {
  const [confirming, setConfirming] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const id = useId();
  const asked = useRef(false);

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
    else if (asked.current) document.getElementById(`${id}-start`)?.focus();
  }, [confirming, id]);

  if (!confirming) {
    return (
      <Button
        id={`${id}-start`}
        variant="secondary"
        className="people-remove"
        onClick={() => {
          asked.current = true;
          setConfirming(true);
        }}
      >
        {props.words.start}
      </Button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={`${id}-question`}>
      <p className="confirm__question" id={`${id}-question`} ref={questionRef} tabIndex={-1}>
        {props.words.question}
      </p>
      <p>{props.words.consequence}</p>
      <div className="button-row">
        <Button className="people-remove-confirm" busy={props.busy} busyLabel={props.words.busy} onClick={props.onConfirm}>
          {props.words.confirm}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)}>
          {props.words.cancel}
        </Button>
      </div>
    </div>
  );
}
