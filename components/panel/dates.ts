// Between stored dates (ISO instants, or whole local days for due dates) and the values of
// <input type="date"> / <input type="datetime-local">, which are in local time.

const pad = (n: number) => String(n).padStart(2, '0');
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const isDay = (value: string | null): boolean => value !== null && DAY.test(value);

/** An instant as a datetime-local value (`2026-11-30T17:00`), in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  if (isDay(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A date input's value as stored: a day stays a day, a local date-time becomes an instant. */
export function fromInput(value: string): string | null {
  if (value === '') return null;
  if (DAY.test(value)) return value;
  const d = new Date(value); // "YYYY-MM-DDTHH:mm" is read as local time
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
