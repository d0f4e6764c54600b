import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import './controls.css';

/**
 * The public forms' plain controls: the browser's own inputs, styled as antd draws them
 * (controls.css), so the form a traveller opens on a phone downloads antd's Form and nothing of its
 * inputs, buttons or radios. Form.Item passes value, onChange and id to them like to antd's.
 */
type TextInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value'> & {
  value?: string | number | null;
  'data-testid'?: string;
};

export function TextInput({ value, className, ...props }: TextInputProps) {
  return <input {...props} value={value ?? ''} className={`fk-input ${className ?? ''}`} />;
}

type NativeSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> & {
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange?: (value: string) => void;
};

/** A phone's own picker for a short list. */
export function NativeSelect({ options, onChange, className, ...props }: NativeSelectProps) {
  return (
    <select
      {...props}
      className={`fk-input ${className ?? ''}`}
      onChange={(event) => onChange?.(event.target.value)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

interface ChoiceProps<T> {
  options: ReadonlyArray<{ value: T; label: string }>;
  value?: T;
  onChange?: (value: T) => void;
  /** `buttons`: a row of joined buttons (antd's button-style radios); else round radios. */
  look?: 'buttons' | 'radios';
  small?: boolean;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** One of a few values (yes or no, domestic or overseas), as radio buttons. */
export function Choice<T extends string | boolean>({
  options,
  value,
  onChange,
  look = 'radios',
  small = false,
  id,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: ChoiceProps<T>) {
  const name = useId();
  return (
    <div
      role="radiogroup"
      id={id}
      aria-label={ariaLabel}
      className={`fk-choice fk-choice-${look}${small ? ' fk-choice-small' : ''}`}
      data-testid={testId}
    >
      {options.map((option) => (
        <label key={String(option.value)}>
          <input
            type="radio"
            name={name}
            checked={option.value === value}
            onChange={() => onChange?.(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}

/** A section's heading inside a form, drawn as antd's Divider with its title at the start. */
export function Section({ children }: { children: ReactNode }) {
  return <h4 className="fk-section">{children}</h4>;
}

interface SubmitButtonProps {
  loading: boolean;
  children: ReactNode;
  'data-testid'?: string;
}

/** The form's one primary button, full width; while sending it waits and cannot be pressed twice. */
export function SubmitButton({ loading, children, 'data-testid': testId }: SubmitButtonProps) {
  return (
    <button type="submit" className="fk-button" disabled={loading} aria-busy={loading} data-testid={testId}>
      {loading ? <span className="fk-spinner" aria-hidden /> : null}
      {children}
    </button>
  );
}
