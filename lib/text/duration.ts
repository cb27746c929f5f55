// Durations as owners type them, in English and Dutch: `90`, `1:30`, `90m`, `1.5h`, `1,5u`,
// `1h30`, `1u 30m`. Pure and dependency-free: the content script bundles it.

const CLOCK = /^(\d+):([0-5]\d)$/;
// Optional hours (any decimal, `.` or `,`), then optional whole minutes; units in English or Dutch.
const UNITS = /^(?:(\d*[.,]?\d+)\s*(?:h|hrs?|hours?|u|uur|uren)\s*)?(?:(\d+)\s*(?:m|mins?|minutes?|minuut|minuten)?)?$/;
/** Upper bound of the model's minute fields. */
export const MAX_MINUTES = 100_000;

/**
 * Parses a typed duration into whole minutes. A bare whole number means minutes, also after an
 * hour part (`1h30`); a bare `1.5` could be hours or minutes, so it is refused. Empty text is
 * `null` (no value); text that is not a duration is `undefined`, so callers can tell "cleared"
 * from "wrong".
 */
export function parseDuration(text: string): number | null | undefined {
  const input = text.trim().toLowerCase();
  if (input === '') return null;
  const clock = CLOCK.exec(input);
  const parts = clock ? null : UNITS.exec(input);
  const minutes = clock ? Number(clock[1]) * 60 + Number(clock[2])
    : parts ? Number((parts[1] ?? '0').replace(',', '.')) * 60 + Number(parts[2] ?? 0) : NaN;
  const rounded = Math.round(minutes);
  return rounded >= 0 && rounded <= MAX_MINUTES ? rounded : undefined;
}

/** Minutes as `h:mm`, the one form both languages read the same way. */
export function formatDuration(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '';
  const whole = Math.round(minutes);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** A running timer's elapsed time: `m:ss` under an hour, else `h:mm:ss`. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}
