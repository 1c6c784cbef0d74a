import { useState, type KeyboardEvent } from 'react';
import { MAX_QUANTITY, MIN_QUANTITY } from '../cart/cartLines';

interface QuantityStepperProps {
  value: number;
  onChange: (value: number) => void;
  /** Names what is counted, e.g. "Quantity of Organic Milk 500ml". */
  label: string;
  min?: number;
  max?: number;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
}

/**
 * − / + buttons around a number the customer may also type. Typing may pass through an empty box (select all,
 * delete, type); the last whole number in range is kept and the box shows it again when it loses focus.
 */
export function QuantityStepper({
  value,
  onChange,
  label,
  min = MIN_QUANTITY,
  max = MAX_QUANTITY,
  disabled,
  invalid,
  describedBy,
}: QuantityStepperProps) {
  const [draft, setDraft] = useState<string | null>(null);

  const commit = (quantity: number) => {
    const next = Math.min(max, Math.max(min, quantity));
    if (next !== value) onChange(next);
  };

  const step = (delta: number) => {
    setDraft(null);
    commit(value + delta);
  };

  const onType = (text: string) => {
    const digits = text.replace(/\D/g, '').slice(0, String(max).length);
    if (digits === '') {
      setDraft('');
      return;
    }
    const quantity = Number(digits);
    setDraft(quantity > max ? String(max) : digits);
    if (quantity >= min) commit(quantity);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      setDraft(null);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      step(event.key === 'ArrowUp' ? 1 : -1);
    }
  };

  return (
    <div className={`stepper${disabled ? ' stepper--disabled' : ''}`} role="group" aria-label={label}>
      <button
        type="button"
        className="stepper__button"
        aria-label="Decrease quantity"
        onClick={() => step(-1)}
        disabled={disabled || value <= min}
      >
        <span aria-hidden="true">−</span>
      </button>
      <input
        className="stepper__input"
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        name="quantity"
        autoComplete="off"
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={draft ?? String(value)}
        onChange={(event) => onType(event.target.value)}
        onBlur={() => setDraft(null)}
        onKeyDown={onKeyDown}
        disabled={disabled}
        data-testid="quantity-input"
      />
      <button
        type="button"
        className="stepper__button"
        aria-label="Increase quantity"
        onClick={() => step(1)}
        disabled={disabled || value >= max}
      >
        <span aria-hidden="true">+</span>
      </button>
    </div>
  );
}
