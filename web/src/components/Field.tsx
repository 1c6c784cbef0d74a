import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldShellProps {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  optional?: boolean;
  className?: string;
  children: ReactNode;
}

function FieldShell({ id, label, error, hint, optional, className, children }: FieldShellProps) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      {children}
      {hint && !error && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`} data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode, extra?: string): string | undefined {
  const own = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return [own, extra].filter(Boolean).join(' ') || undefined;
}

interface CommonProps {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  optional?: boolean;
  className?: string;
}

type TextFieldProps = CommonProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'className'> & {
    onValue?: (value: string) => void;
  };

export function TextField({
  label,
  name,
  error,
  hint,
  optional,
  className,
  onValue,
  onChange,
  'aria-describedby': extraDescription,
  ...input
}: TextFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} optional={optional} className={className}>
      <input
        id={id}
        name={name}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint, extraDescription)}
        onChange={(event) => {
          onChange?.(event);
          onValue?.(event.target.value);
        }}
        {...input}
      />
    </FieldShell>
  );
}

type TextAreaFieldProps = CommonProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'className'> & {
    onValue?: (value: string) => void;
  };

export function TextAreaField({ label, name, error, hint, optional, className, onValue, onChange, ...input }: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} optional={optional} className={className}>
      <textarea
        id={id}
        name={name}
        className="input input--area"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => {
          onChange?.(event);
          onValue?.(event.target.value);
        }}
        {...input}
      />
    </FieldShell>
  );
}

type SelectFieldProps = CommonProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'className'> & {
    onValue?: (value: string) => void;
  };

export function SelectField({ label, name, error, hint, optional, className, onValue, onChange, children, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} optional={optional} className={className}>
      <select
        id={id}
        name={name}
        className="input input--select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => {
          onChange?.(event);
          onValue?.(event.target.value);
        }}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> & {
  label: string;
  name: string;
  onChecked?: (checked: boolean) => void;
};

export function CheckboxField({ label, name, onChecked, onChange, ...input }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="field field--check">
      <input
        id={id}
        type="checkbox"
        name={name}
        className="checkbox"
        onChange={(event) => {
          onChange?.(event);
          onChecked?.(event.target.checked);
        }}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
