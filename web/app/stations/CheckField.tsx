import { useId } from 'react';

/** A labelled checkbox with the server's problem beside it, if any. */
export function CheckField(props: { label: string; checked: boolean; onChange(checked: boolean): void; error?: string }) {
  const id = useId();
  return (
    <div className={['check-field', props.error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      {props.error && (
        <p className="field__error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <label className="choice">
        <input
          type="checkbox"
          checked={props.checked}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? `${id}-error` : undefined}
          onChange={(event) => props.onChange(event.target.checked)}
        />
        {props.label}
      </label>
    </div>
  );
}
