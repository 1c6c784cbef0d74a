import type { ReactNode } from 'react';

interface SubmitButtonProps {
  busy?: boolean;
  busyLabel?: string;
  disabled?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
}

export function SubmitButton({ busy, busyLabel, disabled, className, testId, children }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      className={`button button--primary${className ? ` ${className}` : ''}`}
      disabled={busy || disabled}
      aria-busy={busy || undefined}
      data-testid={testId}
    >
      {busy ? (
        <>
          <span className="spinner spinner--inline" aria-hidden="true" />
          {busyLabel ?? children}
        </>
      ) : (
        children
      )}
    </button>
  );
}
