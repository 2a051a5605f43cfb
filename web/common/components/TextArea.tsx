import { useId } from 'react';

/** A labelled multi-line text box. */
export function TextArea(props: { label: string; value: string; onValueChange(value: string): void; error?: string }) {
  const id = useId();
  return (
    <div className={['field', props.error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      {props.error && (
        <p className="field__error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <textarea
        id={id}
        className="field__input field__textarea"
        rows={4}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(event) => props.onValueChange(event.target.value)}
      />
    </div>
  );
}
