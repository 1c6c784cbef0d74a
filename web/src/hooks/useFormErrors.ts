import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../api/client';
import { fieldKey } from '../lib/validation';

export interface FormErrors {
  /** The last error shown, to offer follow-up actions such as "verify your email". */
  lastError: unknown;
  formError: string | undefined;
  /** Field errors the form has no input for; shown with the form error. */
  otherErrors: string[];
  fieldErrors: Record<string, string>;
  fieldError: (name: string) => string | undefined;
  showError: (error: unknown) => void;
  clearErrors: () => void;
}

/** Splits an API error into a top-level message and messages beside the inputs named in `fields`. */
export function useFormErrors(fields: readonly string[]): FormErrors {
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [lastError, setLastError] = useState<unknown>(undefined);
  const fieldsRef = useRef(fields);

  useEffect(() => {
    fieldsRef.current = fields;
  });

  const showError = useCallback(
    (error: unknown) => {
      const byField: Record<string, string> = {};
      const unmatched: string[] = [];
      if (isApiError(error)) {
        for (const item of error.fieldErrors) {
          const key = fieldKey(item.field);
          if (fieldsRef.current.includes(key)) {
            byField[key] = byField[key] ? `${byField[key]} ${item.message}` : item.message;
          } else {
            unmatched.push(item.field ? `${item.field}: ${item.message}` : item.message);
          }
        }
      }
      setFieldErrors(byField);
      setOtherErrors(unmatched);
      setFormError(errorMessage(error));
      setLastError(error);
    },
    [],
  );

  const clearErrors = useCallback(() => {
    setFormError(undefined);
    setFieldErrors({});
    setOtherErrors([]);
    setLastError(undefined);
  }, []);

  const fieldError = useCallback((name: string) => fieldErrors[name], [fieldErrors]);

  return { lastError, formError, otherErrors, fieldErrors, fieldError, showError, clearErrors };
}
