import { useId, type InputHTMLAttributes, type Ref } from 'react';

/** Props of a labelled text input; everything else goes to the <input>. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onValueChange(value: string): void;
  /** A short help line under the label. */
  hint?: string;
  /** The problem with the value, as a sentence; marks the field invalid. */
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A text input with its label, an optional hint and its error. The error sits between the label
 * and the input, so it is read before typing and stays in view when a phone's keyboard opens.
 */
export function TextField({ label, hint, error, onValueChange, inputRef, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      <input
        {...input}
        id={id}
        ref={inputRef}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onValueChange(event.target.value)}
      />
    </div>
  );
}
