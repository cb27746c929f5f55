// Durations as owners type them, in English and Dutch: `90`, `1:30`, `90m`, `1.5h`, `1,5u`,
// `1h30`, `1u 30m`. Pure and dependency-free: the content script bundles it.

const UNIT_MINUTES: Record<string, number> = {
  m: 1, min: 1, mins: 1, minute: 1, minutes: 1, minuut: 1, minuten: 1,
  h: 60, hr: 60, hrs: 60, hour: 60, hours: 60, u: 60, uur: 60, uren: 60,
};
const NUMBER = '(\\d+(?:[.,]\\d+)?|[.,]\\d+)';
const PART = new RegExp(`^${NUMBER}\\s*([a-z]+)?`);
const CLOCK = /^(\d+):([0-5]\d)$/;
/** Upper bound of the model's minute fields. */
export const MAX_MINUTES = 100_000;

/**
 * Parses a typed duration into whole minutes. A bare number means minutes; a unit-less number
 * after an hour part means minutes too (`1h30`). Empty text is `null` (no value); text that is
 * not a duration is `undefined`, so callers can tell "cleared" from "wrong".
 */
export function parseDuration(text: string): number | null | undefined {
  const input = text.trim().toLowerCase();
  if (input === '') return null;
  const clock = CLOCK.exec(input);
  if (clock) return check(Number(clock[1]) * 60 + Number(clock[2]));

  let rest = input;
  let total = 0;
  let lastUnit = 0;
  while (rest !== '') {
    const m = PART.exec(rest);
    if (!m) return undefined;
    const value = Number(m[1]!.replace(',', '.'));
    const unit = m[2];
    let perUnit: number | undefined;
    if (unit !== undefined) perUnit = UNIT_MINUTES[unit];
    // A bare whole number is minutes; a bare `1.5` could be hours or minutes, so it is refused.
    else if (lastUnit !== 1 && Number.isInteger(value)) perUnit = 1;
    if (perUnit === undefined) return undefined;
    // Units must get smaller: "30m 1h" is a typo, not 90 minutes.
    if (lastUnit !== 0 && perUnit >= lastUnit) return undefined;
    total += value * perUnit;
    lastUnit = perUnit;
    rest = rest.slice(m[0].length).trimStart();
  }
  return check(Math.round(total));
}

function check(minutes: number): number | undefined {
  return Number.isFinite(minutes) && minutes >= 0 && minutes <= MAX_MINUTES ? minutes : undefined;
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
