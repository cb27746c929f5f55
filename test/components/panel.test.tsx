// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelApi } from '@/lib/content/panel-api';
import { builtinCategories } from '@/components/panel/categories';
import { panelRenderer } from '@/components/panel/render';
import type { PanelHandle } from '@/lib/content/observer';
import type { PanelData } from '@/lib/messages/protocol';
import type { Category, Rating, RatingPatch, Timer, Va } from '@/lib/model';
import type { TaskSnapshot } from '@/lib/platforms/adapter';

const at = '2026-11-20T10:00:00.000Z';
const snapshot = (over: Partial<TaskSnapshot['task']> = {}): TaskSnapshot => ({
  task: {
    key: 'trello:AbCd1234', platform: 'trello', taskId: 'AbCd1234', title: 'Offertes opvolgen', url: 'https://trello.com/c/AbCd1234',
    board: 'Kantoor', assignees: [{ id: null, name: 'Sanne de Vries' }], dueAt: '2026-11-30', doneAt: null,
    nativeEstimateMinutes: null, nativeTrackedMinutes: null, ...over,
  },
});
const va = (id: string, name: string, identities: Va['identities'] = []): Va => ({
  id, name, hourlyRate: null, currency: 'EUR', identities, archived: false, createdAt: at, updatedAt: at,
});
const rating = (patch: RatingPatch & Pick<Partial<Rating>, 'boardFields'> = {}): Rating => ({
  id: 'trello:AbCd1234', platform: 'trello', taskId: 'AbCd1234', vaId: null, category: 'other', estimateMinutes: null,
  actualMinutes: null, quality: null, errorFree: null, followedBriefing: null, remindersNeeded: null, delaysFlagged: null,
  proactive: null, note: '', counters: {}, dueAt: null, doneAt: null, createdAt: at, updatedAt: at, ...patch,
} as Rating);

/** An in-memory background: what the panel saves is what it loads next time. */
function fakeApi(init: { rating?: Rating | null; vas?: Va[]; timer?: Timer | null; customCategories?: Category[] } = {}) {
  const state = { rating: init.rating ?? null, vas: init.vas ?? [], timer: init.timer ?? null, customCategories: init.customCategories ?? [] };
  let loaded!: () => void;
  const gate = new Promise<void>((r) => { loaded = r; });
  const api = {
    load: vi.fn(async (): Promise<PanelData> => { await gate; return { rating: state.rating, vas: state.vas, customCategories: state.customCategories, timer: state.timer }; }),
    save: vi.fn(async (_task, patch: RatingPatch, proposed: RatingPatch = {}) => {
      const base: Record<string, unknown> = { ...state.rating };
      // As the background does: a proposed value is the board's, a typed one the owner's.
      const boardFields = new Set<string>(state.rating?.boardFields ?? []);
      for (const [field, value] of Object.entries(proposed)) if (base[field] == null && value != null) { base[field] = value; boardFields.add(field); }
      for (const field of Object.keys(patch)) boardFields.delete(field);
      return (state.rating = rating({ ...base, ...patch, boardFields: [...boardFields] as Rating['boardFields'] }));
    }),
    createVa: vi.fn(async (name: string, identity) => { const v = va(`va-${name}`, name, identity ? [identity] : []); state.vas.push(v); return v; }),
    mapIdentity: vi.fn(async (vaId: string, identity) => {
      const v = state.vas.find((x) => x.id === vaId)!;
      v.identities = [...v.identities, identity];
      return { ...v };
    }),
    startTimer: vi.fn(async (task) => (state.timer = { taskKey: task.key, startedAt: new Date(Date.now() - 5 * 60_000).toISOString() })),
    stopTimer: vi.fn(async () => { state.timer = null; return (state.rating = rating({ ...state.rating, actualMinutes: (state.rating?.actualMinutes ?? 0) + 5 })); }),
    watchTimer: vi.fn(() => () => {}),
  } satisfies PanelApi;
  return { api, state, loaded };
}

let host: HTMLElement;
let handle: PanelHandle | undefined;
beforeEach(() => { vi.useFakeTimers({ shouldAdvanceTime: true }); });
afterEach(() => { handle?.unmount(); handle = undefined; host?.remove(); vi.useRealTimers(); });

async function mount(api: PanelApi, snap = snapshot(), { load = true, loaded }: { load?: boolean; loaded?: () => void } = {}) {
  host = document.body.appendChild(document.createElement('va-scorecard-panel'));
  const shadow = host.attachShadow({ mode: 'open' });
  const setCollapsed = vi.fn();
  handle = panelRenderer({ api, categories: builtinCategories, collapsed: () => false, setCollapsed })(shadow, snap, () => snap);
  if (load) { loaded?.(); await settle(); }
  return { shadow, setCollapsed, $: <E extends Element = HTMLInputElement>(sel: string) => shadow.querySelector<E>(sel)! };
}
// Preact runs effects after the next frame (requestAnimationFrame or a 100 ms fallback).
const settle = () => vi.advanceTimersByTimeAsync(150);
function type(input: HTMLInputElement | HTMLTextAreaElement, text: string) {
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('the warm-up render', () => {
  it('runs off the page while no task is open, asks the extension nothing, and leaves nothing behind', async () => {
    const { api } = fakeApi();
    const before = document.body.innerHTML;
    const render = panelRenderer({ api, categories: builtinCategories, collapsed: () => false, setCollapsed: vi.fn() });
    const offPage = document.createElement('va-scorecard-panel').attachShadow({ mode: 'open' });
    render.warmUp!(offPage);
    // Drawn (its styles are in) and dropped again.
    expect(offPage.adoptedStyleSheets.length + offPage.querySelectorAll('style').length).toBeGreaterThan(0);
    expect(offPage.querySelector('form')).toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    expect(api.load).not.toHaveBeenCalled();
    expect(api.watchTimer).not.toHaveBeenCalled();
    expect(document.body.innerHTML).toBe(before);
    // A task opened afterwards gets its panel as usual.
    host = document.body.appendChild(document.createElement('va-scorecard-panel'));
    handle = render(host.attachShadow({ mode: 'open' }), snapshot(), () => snapshot());
    await settle();
    expect(api.load).toHaveBeenCalledTimes(1);
    expect(host.shadowRoot!.querySelector('[name=estimateMinutes]')).not.toBeNull();
  });
});

describe('the Scorecard panel', () => {
  it('names every control after the model field and gives each an accessible label', async () => {
    const { api, loaded } = fakeApi();
    const { shadow } = await mount(api, snapshot(), { loaded });
    const names = new Set([...shadow.querySelectorAll('[name]')].map((e) => e.getAttribute('name')));
    for (const field of ['vaId', 'category', 'estimateMinutes', 'actualMinutes', 'quality', 'errorFree', 'followedBriefing',
      'remindersNeeded', 'delaysFlagged', 'proactive', 'note']) expect(names, field).toContain(field);
    for (const control of shadow.querySelectorAll<HTMLInputElement>('input, select, textarea, button')) {
      const labelled = control.getAttribute('aria-label') || (control.id && shadow.querySelector(`label[for="${control.id}"]`))
        || control.closest('label') || (control.textContent ?? '').trim();
      expect(labelled, control.outerHTML).toBeTruthy();
    }
    for (const group of shadow.querySelectorAll('fieldset')) expect(group.querySelector('legend')?.textContent).toBeTruthy();
  });

  it('saves typed durations as minutes after a pause, and says so', async () => {
    const { api, state, loaded } = fakeApi();
    const { $ } = await mount(api, snapshot(), { loaded });
    type($('[name=estimateMinutes]'), '60');
    type($('[name=actualMinutes]'), '1,5u');
    expect(api.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(api.save).toHaveBeenCalledTimes(1);
    expect(state.rating).toMatchObject({ estimateMinutes: 60, actualMinutes: 90 });
    expect($('[data-testid=save-status]').textContent).toBe('Saved');
    $('[name=actualMinutes]').dispatchEvent(new Event('blur'));
    await settle();
    expect($('[name=actualMinutes]').value).toBe('1:30');
  });

  it('refuses a duration it cannot read instead of saving a guess', async () => {
    const { api, loaded } = fakeApi();
    const { $, shadow } = await mount(api, snapshot(), { loaded });
    type($('[name=estimateMinutes]'), 'anderhalf');
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.save).not.toHaveBeenCalled();
    expect($('[name=estimateMinutes]').getAttribute('aria-invalid')).toBe('true');
    expect(shadow.textContent).toContain('Type a duration such as 90, 1:30, 90m or 1.5h');
  });

  it('keeps a note typed just before the card closes', async () => {
    const { api, state, loaded } = fakeApi();
    const { $ } = await mount(api, snapshot(), { loaded });
    type($<HTMLTextAreaElement>('[name=note]'), 'Nette mails, snel');
    handle!.unmount();
    handle = undefined;
    await settle();
    expect(state.rating?.note).toBe('Nette mails, snel');
  });

  it('sends what is pending when the page is hidden', async () => {
    const { api, state, loaded } = fakeApi();
    const { $ } = await mount(api, snapshot(), { loaded });
    choose($<HTMLSelectElement>('[name=category]'), 'email');
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(state.rating?.category).toBe('email');
  });

  it('does not let the stored rating overwrite what was typed before it arrived', async () => {
    const { api, state, loaded } = fakeApi({ rating: rating({ estimateMinutes: 30, quality: 2 }) });
    const { $ } = await mount(api, snapshot(), { load: false });
    type($('[name=estimateMinutes]'), '45');
    loaded();
    await settle();
    expect($('[name=estimateMinutes]').value).toBe('45');
    expect($('[name=quality][value="2"]').checked).toBe(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(state.rating).toMatchObject({ estimateMinutes: 45, quality: 2 });
  });

  it('shows the stored rating of this card', async () => {
    const { api, loaded } = fakeApi({ rating: rating({ estimateMinutes: 60, actualMinutes: 90, quality: 4, errorFree: false, remindersNeeded: 2, note: 'ok', category: 'email', counters: { messagesHandled: 40 } }) });
    const { $ } = await mount(api, snapshot(), { loaded });
    expect($('[name=estimateMinutes]').value).toBe('1:00');
    expect($('[name=actualMinutes]').value).toBe('1:30');
    expect($('[name=quality][value="4"]').checked).toBe(true);
    expect($('[name=errorFree][value="false"]').checked).toBe(true);
    expect($('[name=errorFree][value="true"]').checked).toBe(false);
    expect($('[name=remindersNeeded]').value).toBe('2');
    expect($('[name="counters.messagesHandled"]').value).toBe('40');
  });

  it('rates quality with the stars and clears it with a second click on the same star', async () => {
    const { api, state, loaded } = fakeApi();
    const { $ } = await mount(api, snapshot(), { loaded });
    $('[name=quality][value="4"]').click();
    await settle();
    expect([...$<HTMLElement>('.stars').querySelectorAll('.star.on')].map((s) => s.getAttribute('value'))).toEqual(['1', '2', '3', '4']);
    await vi.advanceTimersByTimeAsync(500);
    expect(state.rating?.quality).toBe(4);
    $('[name=quality][value="4"]').click();
    await vi.advanceTimersByTimeAsync(500);
    expect(state.rating?.quality).toBeNull();
  });

  it('counts reminders with the stepper, where minus on an open question means none', async () => {
    const { api, state, loaded } = fakeApi();
    const { shadow, $ } = await mount(api, snapshot(), { loaded });
    const more = shadow.querySelector<HTMLButtonElement>('button[aria-label="One reminder more"]')!;
    const fewer = shadow.querySelector<HTMLButtonElement>('button[aria-label="One reminder fewer"]')!;
    fewer.click(); await settle();
    expect($('[name=remindersNeeded]').value).toBe('0');
    expect(fewer.disabled).toBe(true);
    more.click(); await settle(); more.click(); await settle(); fewer.click();
    await vi.advanceTimersByTimeAsync(500);
    expect(state.rating?.remindersNeeded).toBe(1);
  });

  it('shows the counters of the chosen category', async () => {
    const { api, state, loaded } = fakeApi();
    const { $, shadow } = await mount(api, snapshot(), { loaded });
    expect(shadow.querySelector('[name^="counters."]')).toBeNull();
    choose($<HTMLSelectElement>('[name=category]'), 'email');
    await settle();
    type($('[name="counters.messagesHandled"]'), '40');
    await vi.advanceTimersByTimeAsync(500);
    expect(state.rating).toMatchObject({ category: 'email', counters: { messagesHandled: 40 } });
    expect(shadow.textContent).toContain('Messages handled');
  });

  it('asks a yes/no counter as yes / no and stores 1 or 0', async () => {
    const { api, state, loaded } = fakeApi({ rating: rating({ category: 'admin' }) });
    const { $ } = await mount(api, snapshot(), { loaded });
    $('[name="counters.toolsUpToDate"][value="false"]').click();
    await vi.advanceTimersByTimeAsync(500);
    expect(state.rating?.counters).toEqual({ toolsUpToDate: 0 });
  });

  it('proposes the VA mapped to a card member and stores it with the first change', async () => {
    const sanne = va('va-1', 'Sanne', [{ platform: 'trello', memberId: null, name: 'Sanne de Vries' }]);
    const { api, state, loaded } = fakeApi({ vas: [sanne, va('va-2', 'Joost')] });
    const { $ } = await mount(api, snapshot(), { loaded });
    expect($<HTMLSelectElement>('[name=vaId]').value).toBe('va-1');
    $('[name=proactive][value="true"]').click();
    await vi.advanceTimersByTimeAsync(500);
    expect(state.rating).toMatchObject({ vaId: 'va-1', proactive: true, dueAt: '2026-11-30' });
  });

  it('offers no card member for mapping until the VAs are loaded, so a mapped member is never offered for a frame', async () => {
    const sanne = va('va-1', 'Sanne', [{ platform: 'trello', memberId: null, name: 'Sanne de Vries' }]);
    const { api, loaded } = fakeApi({ vas: [sanne] });
    const { shadow, $ } = await mount(api, snapshot(), { load: false });
    await settle(); // the first frames, the load still out
    expect($('[name=estimateMinutes]')).not.toBeNull();
    expect(shadow.querySelector('.map')).toBeNull();
    loaded();
    await settle();
    expect($<HTMLSelectElement>('[name=vaId]').value).toBe('va-1');
    expect(shadow.querySelector('.map')).toBeNull();
  });

  it('draws the first fields at once and the dates and ratings on the next frame, the whole form usable', async () => {
    const { api, loaded } = fakeApi();
    const { $, shadow } = await mount(api, snapshot(), { load: false });
    expect($('[name=vaId]')).not.toBeNull();
    expect($('[name=estimateMinutes]')).not.toBeNull();
    expect(shadow.querySelector('[name=dueAt], [name=quality], [name=note]')).toBeNull();
    loaded();
    await settle();
    for (const name of ['dueAt', 'doneAt', 'quality', 'remindersNeeded', 'errorFree', 'proactive', 'note']) {
      expect(shadow.querySelector(`[name=${name}]`), name).not.toBeNull();
    }
  });

  it('maps an unknown card member to an existing VA in one click', async () => {
    const { api, state, loaded } = fakeApi({ vas: [va('va-1', 'Sanne')] });
    const { shadow, $ } = await mount(api, snapshot(), { loaded });
    expect(shadow.textContent).toContain('Sanne de Vries on this card is:');
    [...shadow.querySelectorAll<HTMLButtonElement>('.map button')].find((b) => b.textContent === 'Sanne')!.click();
    await vi.advanceTimersByTimeAsync(500);
    expect(api.mapIdentity).toHaveBeenCalledWith('va-1', { platform: 'trello', memberId: null, name: 'Sanne de Vries' });
    expect(state.rating?.vaId).toBe('va-1');
    expect($<HTMLSelectElement>('[name=vaId]').value).toBe('va-1');
    expect(shadow.querySelector('.map')).toBeNull();
  });

  it('creates the VA from a card member when there is none yet', async () => {
    const { api, state, loaded } = fakeApi();
    const { shadow } = await mount(api, snapshot({ assignees: [{ id: 'm-1', name: 'Sanne de Vries' }] }), { loaded });
    [...shadow.querySelectorAll<HTMLButtonElement>('.map button')].find((b) => b.textContent === 'a new VA')!.click();
    await vi.advanceTimersByTimeAsync(500);
    expect(api.createVa).toHaveBeenCalledWith('Sanne de Vries', { platform: 'trello', memberId: 'm-1', name: 'Sanne de Vries' });
    expect(state.rating?.vaId).toBe('va-Sanne de Vries');
  });

  it('shows a card title with markup as text', async () => {
    const title = '<img src=x onerror=alert(1)> Café ☕ 日本語 & <b>vet</b>';
    const { api, loaded } = fakeApi();
    const { shadow } = await mount(api, snapshot({ title }), { loaded });
    expect(shadow.querySelector('img, b')).toBeNull();
    expect(shadow.querySelector('.task')?.textContent).toBe(title);
  });

  it('proposes the done date the board reports', async () => {
    const { api, state, loaded } = fakeApi();
    const { $ } = await mount(api, snapshot({ doneAt: '2026-11-21T09:15:00.000Z' }), { loaded });
    expect($('[name=doneAt]').value).not.toBe('');
    type($('[name=estimateMinutes]'), '30');
    await vi.advanceTimersByTimeAsync(500);
    expect(state.rating?.doneAt).toBe('2026-11-21T09:15:00.000Z');
  });

  it('proposes the board\'s own estimate and tracked time, each taken with one click', async () => {
    const { api, state, loaded } = fakeApi();
    const { $, shadow } = await mount(api, snapshot({ nativeEstimateMinutes: 150, nativeTrackedMinutes: 75 }), { loaded });
    // Shown as a proposal, not as a value: nothing is stored until the owner takes it.
    expect($('[name=estimateMinutes]').value).toBe('');
    const take = () => [...shadow.querySelectorAll<HTMLButtonElement>('button.proposed')];
    expect(take().map((b) => b.textContent)).toEqual(['Use 2:30 from the board', 'Use 1:15 from the board']);
    take()[0]!.click();
    await settle();
    expect($('[name=estimateMinutes]').value).toBe('2:30');
    expect(shadow.activeElement).toBe($('[name=estimateMinutes]'));
    await vi.advanceTimersByTimeAsync(500);
    expect(state.rating).toMatchObject({ estimateMinutes: 150, actualMinutes: null });
    expect(take().map((b) => b.textContent)).toEqual(['Use 1:15 from the board']);
    take()[0]!.click();
    await vi.advanceTimersByTimeAsync(500);
    expect(state.rating).toMatchObject({ estimateMinutes: 150, actualMinutes: 75 });
    expect(take()).toEqual([]);
  });

  it('never puts the board\'s time over what was typed or stored, even when the board\'s changes', async () => {
    const { api, state, loaded } = fakeApi({ rating: rating({ estimateMinutes: 60 }) });
    const snap = snapshot({ nativeEstimateMinutes: 150, nativeTrackedMinutes: 75 });
    const { $, shadow } = await mount(api, snap, { loaded });
    expect($('[name=estimateMinutes]').value).toBe('1:00');
    type($('[name=actualMinutes]'), '4');
    await settle();
    type($('[name=actualMinutes]'), '4x'); // not a duration yet: still being typed
    await settle();
    expect(shadow.querySelectorAll('button.proposed')).toHaveLength(0);
    handle!.update(snapshot({ nativeEstimateMinutes: 200, nativeTrackedMinutes: 90 }));
    await settle();
    expect(shadow.querySelectorAll('button.proposed')).toHaveLength(0);
    expect($('[name=actualMinutes]').value).toBe('4x');
    type($('[name=actualMinutes]'), '');
    await vi.advanceTimersByTimeAsync(500);
    // Cleared on purpose: the board's time is not offered again in this sitting.
    expect(shadow.querySelectorAll('button.proposed')).toHaveLength(0);
    expect(state.rating).toMatchObject({ estimateMinutes: 60, actualMinutes: null });
  });

  it('marks the values that came from the board, until the owner types over one, also in the next sitting', async () => {
    const sanne = va('va-1', 'Sanne');
    const synced = rating({ vaId: 'va-1', dueAt: '2026-11-30', doneAt: '2026-11-29T10:00:00.000Z', estimateMinutes: 90, actualMinutes: 45,
      boardFields: ['vaId', 'dueAt', 'estimateMinutes', 'actualMinutes'] }); // doneAt: typed by the owner earlier
    const { api, state, loaded } = fakeApi({ rating: synced, vas: [sanne] });
    const first = await mount(api, snapshot({ dueAt: null }), { loaded });
    // The mark is the control's accessible description, so a screen reader hears it too.
    const mark = (shadow: ShadowRoot, name: string) => {
      const ids = shadow.querySelector(`[name=${name}]`)?.getAttribute('aria-describedby')?.split(' ') ?? [];
      return ids.map((id) => shadow.getElementById(id)?.textContent).find((text) => text === 'from the board') ?? null;
    };
    const marked = (shadow: ShadowRoot) => ['vaId', 'dueAt', 'doneAt', 'estimateMinutes', 'actualMinutes'].filter((n) => mark(shadow, n));
    expect(marked(first.shadow)).toEqual(['vaId', 'dueAt', 'estimateMinutes', 'actualMinutes']);
    type(first.$('[name=estimateMinutes]'), '2');
    await vi.advanceTimersByTimeAsync(0); // the next render, before any save
    expect(marked(first.shadow)).toEqual(['vaId', 'dueAt', 'actualMinutes']); // gone as soon as it is typed over
    await vi.advanceTimersByTimeAsync(500);
    expect(state.rating?.boardFields).toEqual(['vaId', 'dueAt', 'actualMinutes']);
    handle!.unmount();
    host.remove();
    // A second sitting: the stored rating says the estimate is the owner's now.
    const second = await mount(api, snapshot({ dueAt: null }));
    expect(marked(second.shadow)).toEqual(['vaId', 'dueAt', 'actualMinutes']);
    expect(second.$('[name=estimateMinutes]').value).toBe('0:02');
  });

  it('marks a date the board reports before it is stored, and not once the owner changes it', async () => {
    const { api, loaded } = fakeApi();
    const { $, shadow } = await mount(api, snapshot({ doneAt: '2026-11-21T09:15:00.000Z' }), { loaded });
    const describedBy = (name: string) => shadow.getElementById($(`[name=${name}]`).getAttribute('aria-describedby') ?? '')?.textContent;
    expect(describedBy('dueAt')).toBe('from the board');
    expect(describedBy('doneAt')).toBe('from the board');
    const due = $('[name=dueAt]');
    due.value = '2026-12-02';
    due.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(describedBy('dueAt')).toBeUndefined();
    expect(describedBy('doneAt')).toBe('from the board');
  });

  it('starts the timer, shows it running and adds the timed minutes to the actual time on stop', async () => {
    const { api, state, loaded } = fakeApi({ rating: rating({ actualMinutes: 30 }) });
    const { shadow, $ } = await mount(api, snapshot(), { loaded });
    const button = () => shadow.querySelector<HTMLButtonElement>('button.timer')!;
    expect(button().textContent).toBe('Start timer');
    button().click();
    await settle();
    expect(button().textContent).toBe('Stop timer');
    expect(shadow.querySelector('[data-testid=timer-elapsed]')?.textContent).toMatch(/^Timer running: 5:0\d$/);
    button().click();
    await settle();
    expect(state.rating?.actualMinutes).toBe(35);
    expect($('[name=actualMinutes]').value).toBe('0:35');
    expect(button().textContent).toBe('Start timer');
  });

  it('says when the running timer belongs to another card', async () => {
    const { api, loaded } = fakeApi({ timer: { taskKey: 'trello:ZzZz9999', startedAt: at } });
    const { shadow } = await mount(api, snapshot(), { loaded });
    expect(shadow.textContent).toContain('A timer runs on another card');
  });

  it('collapses and remembers it', async () => {
    const { api, loaded } = fakeApi();
    const { shadow, setCollapsed } = await mount(api, snapshot(), { loaded });
    const toggle = shadow.querySelector<HTMLButtonElement>('button.toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.click();
    await settle();
    expect(shadow.querySelector('form')!.hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(setCollapsed).toHaveBeenCalledWith(true);
  });

  it('keeps the values when a save fails and says why', async () => {
    const { api, state, loaded } = fakeApi();
    api.save.mockRejectedValueOnce(new Error('Rating: note: Too big'));
    const { $ } = await mount(api, snapshot(), { loaded });
    type($<HTMLTextAreaElement>('[name=note]'), 'eerste');
    await vi.advanceTimersByTimeAsync(500);
    expect($('[data-testid=save-status]').textContent).toBe('Not saved: Rating: note: Too big');
    $('[name=errorFree][value="true"]').click();
    await vi.advanceTimersByTimeAsync(500);
    expect(state.rating).toMatchObject({ note: 'eerste', errorFree: true });
  });

  it('offers the owner\'s own categories with their counters, but an archived one only to a rating that has it', async () => {
    const events: Category = { id: 'events', name: 'Events', counters: [{ id: 'guests', label: 'Guests invited' }], archived: false, updatedAt: at };
    const old: Category = { id: 'old', name: 'Old work', counters: [], archived: true, updatedAt: at };
    const first = fakeApi({ customCategories: [events, old] });
    const { shadow, $ } = await mount(first.api, snapshot(), { loaded: first.loaded });
    const options = () => [...shadow.querySelectorAll<HTMLOptionElement>('select[name=category] option')].map((o) => o.value);
    expect(options()).toContain('events');
    expect(options()).not.toContain('old');
    choose($<HTMLSelectElement>('select[name=category]'), 'events');
    await settle();
    expect(shadow.querySelector('label[for=vasc-counter-guests]')?.textContent).toBe('Guests invited');
    handle!.unmount(); handle = undefined; host.remove();

    const rated = fakeApi({ customCategories: [events, old], rating: rating({ category: 'old' }) });
    const again = await mount(rated.api, snapshot(), { loaded: rated.loaded });
    expect(again.$<HTMLSelectElement>('select[name=category]').value).toBe('old');
  });
});
