import { ORDER_STATUSES, type OrderStatus } from '../api/types';
import { MAX_DAYS_AHEAD, addDays, dayRange, formatDay, istToday } from '../lib/businessTime';
import { orderStatusLabel } from '../lib/orders';
import { SelectField } from './Field';

/** How far back the delivery-date filter reaches; "All dates" covers anything older. */
const DAYS_BACK = 14;

interface DeliveryDateSelectProps {
  value: string;
  onValue: (date: string) => void;
}

/** Delivery dates from two weeks ago to the last orderable day, in business time (IST). */
export function DeliveryDateSelect({ value, onValue }: DeliveryDateSelectProps) {
  const today = istToday();
  const tomorrow = addDays(today, 1);
  const dates = dayRange(addDays(today, -DAYS_BACK), addDays(today, MAX_DAYS_AHEAD));
  const options = value && !dates.includes(value) ? [value, ...dates] : dates;
  return (
    <SelectField label="Delivery date" name="deliveryDate" value={value} onValue={onValue}>
      <option value="">All dates</option>
      {options.map((date) => (
        <option key={date} value={date}>
          {formatDay(date)}
          {date === today ? ' (today)' : date === tomorrow ? ' (tomorrow)' : ''}
        </option>
      ))}
    </SelectField>
  );
}

interface OrderStatusSelectProps {
  value: OrderStatus | '';
  onValue: (status: OrderStatus | '') => void;
}

export function OrderStatusSelect({ value, onValue }: OrderStatusSelectProps) {
  return (
    <SelectField label="Status" name="status" value={value} onValue={(next) => onValue(next as OrderStatus | '')}>
      <option value="">All statuses</option>
      {ORDER_STATUSES.map((status) => (
        <option key={status} value={status}>
          {orderStatusLabel(status)}
        </option>
      ))}
    </SelectField>
  );
}
