// The Scorecard panel inside an open task, shared by every platform: it knows the task only as
// a TaskSnapshot and the extension only through PanelApi.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/text/i18n';
import type { PanelData } from '@/lib/messages/protocol';
import type { Rating, RatingPatch, Timer, Va } from '@/lib/model';
import type { BoardField } from '@/lib/model/constants';
import type { TaskSnapshot } from '@/lib/platforms/adapter';
import { proposeVa } from '@/lib/model/va-match';
import type { PanelApi } from '@/lib/content/panel-api';
import { Autosave, type SaveStatus } from './autosave';
import { DateField, DurationField, Stars, Stepper, YesNo } from './fields';
import { TimerControl } from './TimerControl';
import { VaField } from './VaField';

export interface CategoryOption {
  id: string;
  label: string;
  /** `yesNo` counters hold 1 or 0. */
  counters: { id: string; label: string; yesNo?: boolean }[];
}

export interface PanelProps {
  snapshot: TaskSnapshot;
  /** The task as it is now (title edited, API read arrived), read when a save goes out. */
  read(): TaskSnapshot;
  api: PanelApi;
  categories: CategoryOption[];
  collapsed: boolean;
  onCollapsedChange(collapsed: boolean): void;
  /** Draws the whole form in the first render (the warm-up, which never reaches its effects). */
  whole?: boolean;
  /** Set by the panel: sends pending changes at once (the card is closing). */
  flushRef: { current: (() => void) | null };
}

type Values = Required<RatingPatch>;
type Field = keyof Values;

/** The yes / no questions, in the order the owner answers them. */
const QUESTIONS = ['errorFree', 'followedBriefing', 'delaysFlagged', 'proactive'] as const;

/** What a field shows with no value anywhere; null for every field not named. */
const DEFAULTS: Partial<Values> = { category: 'other', note: '', counters: {} };

export function Panel(props: PanelProps) {
  const { snapshot, api, read } = props;
  const { task } = snapshot;
  const [data, setData] = useState<PanelData | null>(null);
  const [rating, setRating] = useState<Rating | null>(null);
  const [edits, setEdits] = useState<RatingPatch>({});
  const [timer, setTimer] = useState<Timer | null>(null);
  const [status, setStatus] = useState<{ status: SaveStatus; error?: string }>({ status: 'idle' });
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [collapsed, setCollapsed] = useState(props.collapsed);
  // The dates and the ratings half of the form are drawn on the frame after the first (effects
  // run after paint): the frame that shows a task view then carries the title, VA, category,
  // estimate and actual. Each date input alone costs Chromium ~0.3 ms to build (its locale's
  // fields), as much as the ratings half. The stored values arrive after that frame anyway.
  const [whole, setWhole] = useState(!!props.whole);
  // The stored choice may arrive after the first draw (lib/content/start.ts): follow a change.
  const given = useRef(props.collapsed);
  if (given.current !== props.collapsed) {
    given.current = props.collapsed;
    if (collapsed !== props.collapsed) setCollapsed(props.collapsed);
  }

  const vas = data?.vas ?? [];
  const proposedVa = useMemo(() => proposeVa(vas, task.platform, task.assignees), [vas, task]);
  // Values shown because the board or a mapping says so, not yet stored: saved with any change.
  const proposal: RatingPatch = {};
  if (!('vaId' in edits) && !rating?.vaId && proposedVa) proposal.vaId = proposedVa.id;
  if (!('dueAt' in edits) && !rating?.dueAt && task.dueAt) proposal.dueAt = task.dueAt;
  if (!('doneAt' in edits) && !rating?.doneAt && task.doneAt) proposal.doneAt = task.doneAt;
  // The board's own estimate / tracked time: offered for an empty field, stored only when taken.
  const board = (field: 'estimateMinutes' | 'actualMinutes', minutes: number | null) =>
    field in edits || rating?.[field] != null ? null : minutes;
  // Shown from the board (proposed, or stored by sync or an untouched proposal) until typed over.
  const src = (f: BoardField) => !(f in edits) && (f in proposal || !!rating?.boardFields?.includes(f));
  const proposalRef = useRef(proposal);
  proposalRef.current = proposal;

  const saver = useMemo(() => new Autosave({
    send: (patch, proposed) => api.save(read().task, patch, proposed),
    extra: () => proposalRef.current,
    onSaved: setRating,
    onStatus: (s, error) => setStatus({ status: s, error }),
  }), []);
  props.flushRef.current = () => { void saver.flush(); };

  useEffect(() => {
    setWhole(true);
    let live = true;
    api.load(read().task).then((d) => {
      if (!live) return;
      setData(d);
      setRating(d.rating);
      setTimer(d.timer);
    }, (e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)));
    const unwatch = api.watchTimer(setTimer);
    // A value typed just before the page goes away is sent right away, not after the pause.
    const flush = () => { void saver.flush(); };
    const onVisibility = () => { if (document.visibilityState === 'hidden') flush(); };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live = false;
      unwatch();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
      saver.dispose();
    };
  }, []);

  function value<K extends Field>(field: K): Values[K] {
    if (field in edits) return edits[field] as Values[K];
    return (rating?.[field] ?? proposal[field] ?? DEFAULTS[field] ?? null) as Values[K];
  }
  function change(patch: RatingPatch) {
    setEdits((e) => ({ ...e, ...patch }));
    saver.set(patch);
  }
  const set = <K extends Field>(field: K) => (v: Values[K]) => change({ [field]: v });

  async function timerAction(start: boolean) {
    setBusy(true);
    try {
      await saver.flush();
      if (start) setTimer(await api.startTimer(read().task));
      else {
        const saved = await api.stopTimer();
        setTimer(null);
        if (saved?.id === task.key) {
          setRating(saved);
          setEdits(({ actualMinutes: _, ...rest }) => rest);
        }
      }
    } catch (e) {
      setStatus({ status: 'error', error: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  // An archived category is offered no more, except to a rating that already has it.
  const categories = useMemo((): CategoryOption[] => [
    ...props.categories,
    ...(data?.customCategories ?? []).filter((c) => !c.archived || c.id === rating?.category)
      .map((c) => ({ id: c.id, label: c.name, counters: c.counters })),
  ], [props.categories, data, rating?.category]);
  const category = value('category');
  const counters = value('counters');
  const counterDefs = categories.find((c) => c.id === category)?.counters ?? [];

  const toggle = () => {
    setCollapsed(!collapsed);
    props.onCollapsedChange(!collapsed);
  };
  const onVa = (va: Va) => setData((d) => d && { ...d, vas: [...d.vas.filter((v) => v.id !== va.id), va] });

  return (
    <section aria-labelledby="vasc-title">
      <header>
        <button type="button" class="toggle" aria-expanded={!collapsed} aria-controls="vasc-body"
          aria-label={collapsed ? t('panel_expand') : t('panel_collapse')} onClick={toggle}>
          <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
        </button>
        <h2 id="vasc-title">{t('panel_title')}</h2>
        <span class="task">{task.title}</span>
        <SaveState {...status} />
      </header>
      <form id="vasc-body" hidden={collapsed} onSubmit={(e) => e.preventDefault()}>
        {loadError && <p class="err" role="alert">{t('panel_loadFailed', loadError)}</p>}
        <div class="grid">
          {/* Members are offered for mapping once the VAs are known: not "Anna is …" for a frame. */}
          <VaField
            vas={vas} value={value('vaId')} src={src('vaId')} members={data ? task.assignees : []} platform={task.platform} api={api}
            onChange={set('vaId')} onVa={onVa} onError={(error) => setStatus({ status: 'error', error })}
          />
          <div class="field">
            <label for="vasc-category">{t('panel_category')}</label>
            <select id="vasc-category" name="category" value={category} onChange={(e) => change({ category: e.currentTarget.value })}>
              {categories.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
            </select>
          </div>
          {counterDefs.map((c) => {
            const setCounter = (n: number | null) => {
              const { [c.id]: _, ...rest } = counters;
              change({ counters: n === null ? rest : { ...rest, [c.id]: n } });
            };
            const stored = counters[c.id];
            return c.yesNo
              ? <YesNo key={c.id} name={`counters.${c.id}`} label={c.label} value={stored === undefined ? null : stored === 1}
                  onChange={(v) => setCounter(v === null ? null : Number(v))} />
              : (
                <div class="field" key={c.id}>
                  <label for={`vasc-counter-${c.id}`}>{c.label}</label>
                  <input
                    id={`vasc-counter-${c.id}`} name={`counters.${c.id}`} type="number" min={0} step="any" value={stored ?? ''}
                    onInput={(e) => {
                      const raw = e.currentTarget.value;
                      const n = Number(raw);
                      if (raw === '') setCounter(null);
                      else if (Number.isFinite(n) && n >= 0) setCounter(n);
                    }}
                  />
                </div>
              );
          })}
          <DurationField name="estimateMinutes" label={t('panel_estimate')} value={value('estimateMinutes')} board={board('estimateMinutes', task.nativeEstimateMinutes)} src={src('estimateMinutes')} onChange={set('estimateMinutes')} />
          <DurationField name="actualMinutes" label={t('panel_actual')} value={value('actualMinutes')} board={board('actualMinutes', task.nativeTrackedMinutes)} src={src('actualMinutes')} onChange={set('actualMinutes')}>
            <TimerControl timer={timer} taskKey={task.key} busy={busy} onStart={() => timerAction(true)} onStop={() => timerAction(false)} />
          </DurationField>
          {whole && <>
            <DateField name="dueAt" label={t('panel_due')} dayOnly value={value('dueAt')} src={src('dueAt')} onChange={set('dueAt')} />
            <DateField name="doneAt" label={t('panel_done')} value={value('doneAt')} src={src('doneAt')} onChange={set('doneAt')} />
          </>}
        </div>
        {whole && <>
          <div class="grid">
            <Stars value={value('quality')} onChange={set('quality')} />
            <Stepper name="remindersNeeded" label={t('panel_reminders')} value={value('remindersNeeded')} onChange={set('remindersNeeded')} />
            {QUESTIONS.map((q) => <YesNo key={q} name={q} label={t(`panel_${q}`)} value={value(q)} onChange={set(q)} />)}
          </div>
          <div class="field">
            <label for="vasc-note">{t('panel_note')}</label>
            <textarea id="vasc-note" name="note" rows={2} maxLength={10_000} value={value('note')}
              onInput={(e) => change({ note: e.currentTarget.value })} />
          </div>
        </>}
      </form>
    </section>
  );
}

function SaveState({ status, error }: { status: SaveStatus; error?: string }) {
  const text = status === 'saving' ? t('panel_saving') : status === 'saved' ? t('panel_saved')
    : status === 'error' ? t('panel_saveFailed', error ?? '') : '';
  return <span class={status === 'error' ? 'status err' : 'status'} role="status" data-testid="save-status">{text}</span>;
}
