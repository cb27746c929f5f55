// The panel's small controls. Each carries the model's field name as `name` (the testing
// contract) and an accessible label.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { formatDuration, parseDuration } from '@/lib/text/duration';
import { t } from '@/lib/text/i18n';
import { fromInput, isDay, toLocalInput } from './dates';

/** While a value is the board's (synced or proposed, not typed), the control's description says so. */
export const Src = ({ id }: { id: string }) => <small class="muted" id={`${id}-src`}>{t('panel_fromBoard')}</small>;

/**
 * Typed durations (`90`, `1:30`, `1.5h`, `1,5u`); shown as h:mm when not being edited. `board`:
 * the board's own time, offered while the field is empty and nothing is being typed; `src`: the
 * value shown is the board's.
 */
export function DurationField(props: {
  name: string; label: string; value: number | null; board?: number | null; src: boolean; onChange(minutes: number | null): void; children?: ComponentChildren;
}) {
  const { name, label, value, onChange } = props;
  // What the owner is typing; null shows the stored value (which a timer or a load may change).
  const [draft, setDraft] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const offer = draft === null && value === null ? props.board : null;
  const invalid = draft !== null && parseDuration(draft) === undefined;
  const id = `vasc-${name}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="row">
        <input
          ref={input} id={id} name={name} type="text" inputMode="decimal" autoComplete="off" placeholder="1:30"
          value={draft ?? formatDuration(value)} aria-invalid={invalid} aria-describedby={invalid ? `${id}-err` : props.src ? `${id}-src` : undefined}
          onBlur={() => { if (!invalid) setDraft(null); }}
          onInput={(e) => {
            const next = e.currentTarget.value;
            setDraft(next);
            const minutes = parseDuration(next);
            if (minutes !== undefined && minutes !== value) onChange(minutes);
          }}
        />
        {props.children}
      </div>
      {props.src && <Src id={id} />}
      {offer != null && (
        <button type="button" class="proposed" onClick={() => { onChange(offer); input.current?.focus(); }}>
          {t('panel_useBoard', formatDuration(offer))}
        </button>
      )}
      {invalid && <span class="err" id={`${id}-err`}>{t('panel_durationInvalid')}</span>}
    </div>
  );
}

/** Yes / no / not answered: a question left open is not counted in the KPIs. Click again to clear. */
export function YesNo(props: { name: string; label: string; value: boolean | null; onChange(v: boolean | null): void }) {
  const { name, value, onChange } = props;
  const option = (v: boolean, text: string) => (
    <label class="seg">
      <input
        type="radio" name={name} value={String(v)} checked={value === v}
        onClick={() => { if (value === v) onChange(null); }}
        onChange={() => onChange(v)}
      />
      {text}
    </label>
  );
  return (
    <fieldset>
      <legend>{props.label}</legend>
      {option(true, t('panel_yes'))}
      {option(false, t('panel_no'))}
    </fieldset>
  );
}

/** Quality 1–5 as a radio group: Tab to it, arrows to change. Click the chosen star to clear. */
export function Stars(props: { value: number | null; onChange(v: number | null): void }) {
  const { value, onChange } = props;
  return (
    <fieldset class="stars">
      <legend>{t('panel_quality')}</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <input
          key={n} type="radio" name="quality" value={String(n)} class={value !== null && n <= value ? 'star on' : 'star'}
          checked={value === n} aria-label={t('panel_qualityStar', n)}
          onClick={() => { if (value === n) onChange(null); }}
          onChange={() => onChange(n)}
        />
      ))}
    </fieldset>
  );
}

export function Stepper(props: { name: string; label: string; value: number | null; onChange(v: number | null): void }) {
  const { name, value, onChange } = props;
  const id = `vasc-${name}`;
  const clamp = (n: number) => Math.min(99, Math.max(0, n));
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <div class="row">
        {/* From "not answered", minus means "none" and plus means one. */}
        <button type="button" aria-label={t('panel_remindersLess')} disabled={value === 0} onClick={() => onChange(clamp((value ?? 1) - 1))}>−</button>
        <input
          id={id} name={name} type="number" min={0} max={99} step={1} inputMode="numeric" value={value ?? ''}
          onInput={(e) => {
            const raw = e.currentTarget.value;
            const n = Number(raw);
            if (raw === '') onChange(null);
            else if (Number.isInteger(n)) onChange(clamp(n));
          }}
        />
        <button type="button" aria-label={t('panel_remindersMore')} onClick={() => onChange(clamp((value ?? 0) + 1))}>+</button>
      </div>
    </div>
  );
}

/** A due date stays a whole day unless it has a time; a done date is a moment. */
export function DateField(props: {
  name: string; label: string; value: string | null; dayOnly?: boolean; src: boolean; onChange(v: string | null): void;
}) {
  const { name, value, onChange } = props;
  const id = `vasc-${name}`;
  const type = props.dayOnly && (value === null || isDay(value)) ? 'date' : 'datetime-local';
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input id={id} name={name} type={type} class={props.src ? 'proposed' : undefined} aria-describedby={props.src ? `${id}-src` : undefined}
        value={toLocalInput(value)} onChange={(e) => onChange(fromInput(e.currentTarget.value))} />
      {props.src && <Src id={id} />}
    </div>
  );
}
