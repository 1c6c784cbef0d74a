import type { Timestamp } from '../api/types';

/** ₹50, ₹239.50, ₹1,250: whole rupees without decimals, otherwise two decimals. */
export function formatPrice(amount: number): string {
  const rounded = Math.round(amount * 100) / 100;
  const whole = Number.isInteger(rounded);
  const digits = whole ? 0 : 2;
  return `₹${rounded.toLocaleString('en-IN', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

function toDate(value: Timestamp | undefined | null): Date | null {
  if (value === undefined || value === null || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const dateTimeFormat = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium' });
const preciseDateTimeFormat = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'medium' });

export function formatDateTime(value: Timestamp | undefined | null): string {
  const date = toDate(value);
  return date ? dateTimeFormat.format(date) : '';
}

/** With seconds, for events that happen moments apart (workflow steps, email attempts). */
export function formatPreciseDateTime(value: Timestamp | undefined | null): string {
  const date = toDate(value);
  return date ? preciseDateTimeFormat.format(date) : '';
}

export function formatDate(value: Timestamp | undefined | null): string {
  const date = toDate(value);
  return date ? dateFormat.format(date) : '';
}

export function timestampValue(value: Timestamp | undefined | null): number {
  return toDate(value)?.getTime() ?? 0;
}

export function isoString(value: Timestamp | undefined | null): string | undefined {
  return toDate(value)?.toISOString();
}
