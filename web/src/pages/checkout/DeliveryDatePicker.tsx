import { useId } from 'react';
import { formatDay, istTomorrow } from '../../lib/businessTime';

interface DeliveryDatePickerProps {
  dates: readonly string[];
  selected: string;
  onSelect: (date: string) => void;
  error?: string;
}

export function DeliveryDatePicker({ dates, selected, onSelect, error }: DeliveryDatePickerProps) {
  const hintId = useId();
  const errorId = useId();
  const tomorrow = istTomorrow();
  const tomorrowOffered = dates[0] === tomorrow;

  return (
    <fieldset className="choice-group" aria-describedby={error ? `${errorId} ${hintId}` : hintId}>
      <legend className="section-title">Delivery date</legend>
      <div className="date-options">
        {dates.map((date) => (
          <label key={date} className={`date-option${date === selected ? ' date-option--selected' : ''}`}>
            <input
              type="radio"
              name="deliveryDate"
              value={date}
              checked={date === selected}
              onChange={() => onSelect(date)}
              aria-invalid={error ? true : undefined}
              className="date-option__radio"
              data-testid="delivery-date-option"
              data-date={date}
            />
            <span className="date-option__day">{formatDay(date)}</span>
            {date === tomorrow && <span className="date-option__note">Tomorrow</span>}
          </label>
        ))}
      </div>
      <p className="field__hint" id={hintId}>
        Delivered by 8:00 AM.{' '}
        {tomorrowOffered
          ? 'Order before 10:00 PM (India time) for delivery tomorrow.'
          : 'It is past 10:00 PM in India, so the earliest delivery is the day after tomorrow.'}
      </p>
      {error && (
        <p className="field__error" id={errorId} data-testid="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
