import type { Timestamp } from '../api/types';

/**
 * MilkRun's business time is Asia/Kolkata, which has kept one offset, UTC+05:30, with no daylight saving since 1945.
 * Every calendar day here is computed from that offset, never from the browser's own zone.
 */
const IST_OFFSET_MS = 330 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Orders placed at or after 22:00 IST can no longer be delivered tomorrow. */
export const CUTOFF_MINUTES = 22 * 60;
/** The furthest delivery date, in days after today (IST). */
export const MAX_DAYS_AHEAD = 7;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The wall clock in IST, read through the UTC getters of the shifted instant. */
function istWallClock(instant: number): Date {
  return new Date(instant + IST_OFFSET_MS);
}

function isoOf(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

function parseDay(iso: string): number | null {
  const match = ISO_DAY.exec(iso);
  if (!match) return null;
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(day) ? null : day;
}

/** Today's date in IST as YYYY-MM-DD. */
export function istToday(now: number = Date.now()): string {
  return istWallClock(now).toISOString().slice(0, 10);
}

/** `iso` moved by `days` calendar days. */
export function addDays(iso: string, days: number): string {
  const day = parseDay(iso);
  return day === null ? iso : isoOf(day + days * DAY_MS);
}

export function istTomorrow(now: number = Date.now()): string {
  return addDays(istToday(now), 1);
}

/** The dates an order can be delivered on: tomorrow (until 22:00 IST) up to 7 days ahead, as YYYY-MM-DD. */
export function deliveryDateOptions(now: number = Date.now()): string[] {
  const clock = istWallClock(now);
  const minutes = clock.getUTCHours() * 60 + clock.getUTCMinutes();
  const first = minutes >= CUTOFF_MINUTES ? 2 : 1;
  const today = istToday(now);
  const dates: string[] = [];
  for (let offset = first; offset <= MAX_DAYS_AHEAD; offset++) dates.push(addDays(today, offset));
  return dates;
}

/** Every date from `from` to `to`, both included. */
export function dayRange(from: string, to: string): string[] {
  const start = parseDay(from);
  const end = parseDay(to);
  if (start === null || end === null) return [];
  const days: string[] = [];
  for (let day = start; day <= end; day += DAY_MS) days.push(isoOf(day));
  return days;
}

/** "Thu 27 Nov" for "2026-11-27"; anything else is returned unchanged. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const day = parseDay(iso.slice(0, 10));
  if (day === null) return iso;
  const date = new Date(day);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

function toInstant(value: Timestamp | null | undefined): number | null {
  if (value === undefined || value === null || value === '') return null;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? null : instant;
}

function clockTime(instant: number): string {
  const clock = istWallClock(instant);
  const hours = clock.getUTCHours();
  const minutes = String(clock.getUTCMinutes()).padStart(2, '0');
  return `${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** "8:00 AM" in IST for a timestamp; empty when it cannot be read. */
export function formatIstTime(value: Timestamp | null | undefined): string {
  const instant = toInstant(value);
  return instant === null ? '' : clockTime(instant);
}

/** "10:00 PM on Wed 26 Nov" in IST; empty when it cannot be read. */
export function formatIstDateTime(value: Timestamp | null | undefined): string {
  const instant = toInstant(value);
  if (instant === null) return '';
  return `${clockTime(instant)} on ${formatDay(istToday(instant))}`;
}
