import type { ReactNode } from 'react';

interface FormErrorProps {
  message?: string;
  details?: string[];
  children?: ReactNode;
}

/** The top-level error of a form; always rendered so screen readers announce changes. */
export function FormError({ message, details = [], children }: FormErrorProps) {
  return (
    <div className="form-error-slot" role="alert" aria-live="assertive">
      {message && (
        <div className="form-error" data-testid="form-error">
          <p className="form-error__message">{message}</p>
          {details.length > 0 && (
            <ul className="form-error__details">
              {details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
          {children}
        </div>
      )}
    </div>
  );
}
