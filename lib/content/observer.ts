// Puts the panel into the open task view and takes it out again, for any platform. One
// MutationObserver per page; its work is proportional to what changed:
// - not on a task URL (a board with thousands of cards): not observing at all when the browser
//   reports URL changes as they happen, else one string compare per batch;
// - panel mounted: only the task view's subtree and the child lists of its ancestors (so the view's
//   removal is seen) are observed, never the board behind it;
// - on a task URL waiting for its view: the document, one selector test per added element.
import type { PlatformAdapter, TaskSnapshot } from '../platforms/adapter';

export const HOST_TAG = 'va-scorecard-panel';

/**
 * Events that must not leave the panel: the host page's shortcuts would eat typed keys (our
 * inputs are hidden from it by the shadow root), and a dialog may close on clicks it does not
 * recognise. Focus events pass; `data-no-focus-lock` tells focus locks to leave us alone.
 */
const CONTAINED_EVENTS = [
  'keydown', 'keyup', 'keypress', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'input', 'paste', 'copy', 'cut',
] as const;

export interface PanelHandle {
  /** The task as the page (or its API) shows it now, e.g. after a member was added. */
  update(snapshot: TaskSnapshot): void;
  /** Saves what is pending and removes the UI; the host element is removed by the caller. */
  unmount(): void;
}

export type RenderPanel = ((shadow: ShadowRoot, snapshot: TaskSnapshot, read: () => TaskSnapshot) => PanelHandle) & {
  /** Draws a panel into `shadow` and drops it, so the first real one runs warm code. */
  warmUp?(shadow: ShadowRoot): void;
};

export interface WatchOptions {
  adapter: PlatformAdapter;
  render: RenderPanel;
  /** Tells the background whether the page is what the adapter expects. */
  reportStatus(recognised: boolean): void;
  /** How long a task URL may go without a readable task view before the page counts as changed. */
  notRecognisedAfterMs?: number;
  /** Called with a callback to run on client-side navigation (pushState has no DOM event). */
  onLocationChange?(cb: () => void): void;
  /**
   * onLocationChange fires at once on every navigation (the Navigation API), so the observer can
   * be off while the URL shows no task: a subtree observer alone costs a busy board ~10 %.
   */
  urlChangesAreInstant?: boolean;
  doc?: Document;
}

interface Mounted {
  key: string;
  view: Element;
  host: HTMLElement;
  handle: PanelHandle;
  snapshot: TaskSnapshot;
  domJson: string;
  abort: AbortController;
}

export function watchTaskViews(options: WatchOptions) {
  const { adapter, render, reportStatus } = options;
  const doc = options.doc ?? document;
  const win = doc.defaultView!;
  const notRecognisedAfterMs = options.notRecognisedAfterMs ?? 4000;
  let lastUrl = '';
  let taskId: string | null = null;
  let mounted: Mounted | null = null;
  let reported: boolean | null = null;
  let giveUpTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  const report = (recognised: boolean) => {
    if (reported === recognised) return;
    reported = recognised;
    reportStatus(recognised);
  };

  function unmount() {
    if (!mounted) return;
    const m = mounted;
    mounted = null;
    clearTimeout(refreshTimer);
    m.abort.abort();
    try { m.handle.unmount(); } finally { m.host.remove(); }
  }

  /** Re-reads the URL and the page; mounts, keeps or removes the panel. */
  function check() {
    const url = win.location.href;
    if (url !== lastUrl) {
      lastUrl = url;
      taskId = adapter.matchTaskUrl(url);
    }
    if (mounted) {
      if (mounted.host.isConnected && mounted.view.isConnected && urlIdOf(mounted.snapshot) === taskId) return;
      unmount();
    }
    if (taskId === null) {
      observe(options.urlChangesAreInstant ? null : doc);
      clearTimeout(giveUpTimer);
      giveUpTimer = undefined;
      return;
    }
    const view = adapter.findTaskView(doc);
    if (view && tryMount(view, url)) return;
    // A view that does not show the URL's task yet (a kept container about to be rewritten) is
    // watched closely; the document only for views coming and going.
    observe(doc, view);
    // The view may still be on its way; if it never becomes readable, say so once.
    giveUpTimer ??= setTimeout(() => {
      giveUpTimer = undefined;
      if (!mounted && taskId !== null) report(false);
    }, notRecognisedAfterMs);
  }

  function tryMount(view: Element, url: string): boolean {
    const snapshot = adapter.readTask(view, url);
    if (!snapshot || urlIdOf(snapshot) !== taskId) return false;
    // Never twice: a panel left by an earlier copy of this script (extension update) goes first,
    // before the mount point is taken, as it may be the very node the panel would go before.
    for (const old of doc.querySelectorAll(HOST_TAG)) old.remove();
    const point = adapter.mountPoint(view);
    if (!point) return false;
    const shadow = createHost(snapshot.task.key);
    const host = shadow.host as HTMLElement;
    const read = () => (mounted?.key === snapshot.task.key ? mounted.snapshot : snapshot);
    // Drawn while off the page, then put in at once: one insertion into the live document
    // instead of one per node of the form.
    const handle = render(shadow, snapshot, read);
    point.parent.insertBefore(host, point.before);
    const m: Mounted = mounted = {
      key: snapshot.task.key, view, host, handle, snapshot, domJson: '', abort: new AbortController(),
    };
    clearTimeout(giveUpTimer);
    giveUpTimer = undefined;
    // The panel is usable now; the rest waits for the next task, so the frame that shows the task
    // view is not held up by it. Until then the document observer still sees the view change.
    setTimeout(guard(() => {
      if (mounted !== m) return;
      m.domJson = JSON.stringify(snapshot);
      observe(view);
      report(true);
      enrich(m);
    }), 0);
    // Read the view once more shortly: a reused dialog may still show the previous card, and
    // React sets a textarea's value without any DOM mutation to observe.
    scheduleRefresh();
    return true;
  }

  /** The panel's host element, off the page; returns its shadow root for the panel. */
  function createHost(key: string) {
    const host = doc.createElement(HOST_TAG);
    setTheme(host);
    host.setAttribute('data-no-focus-lock', 'true');
    host.setAttribute('data-task', key);
    for (const type of CONTAINED_EVENTS) host.addEventListener(type, stopPropagation);
    return host.attachShadow({ mode: 'open' });
  }

  function enrich(m: Mounted) {
    adapter.enrich?.(m.snapshot, m.abort.signal).then((better) => {
      if (!better || mounted !== m || better.task.key !== m.key) return;
      m.snapshot = better;
      m.handle.update(better);
    }, () => { /* the page's data stands */ });
  }

  /** The card's own DOM changed (title edited, member added): read it again, shortly. */
  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(guard(() => {
      const m = mounted;
      if (!m || !m.view.isConnected) return check();
      const fresh = adapter.readTask(m.view, win.location.href);
      if (!fresh || fresh.task.key !== m.key) return check();
      const json = JSON.stringify(fresh);
      if (json === m.domJson) return;
      m.domJson = json;
      m.snapshot = fresh;
      m.handle.update(fresh);
      m.abort.abort();
      m.abort = new AbortController();
      enrich(m);
    }), 250);
  }

  /** The host's theme, not the system's: `data-theme` picks the panel's colour scheme. */
  function setTheme(host: Element) {
    // The two roots only: a querySelector would walk the whole page when the theme is light.
    const dark = [doc.documentElement, doc.body].some((root) => root?.matches(adapter.darkThemeSelector));
    host.setAttribute('data-theme', dark ? 'dark' : 'light');
  }

  function onMutations(records: MutationRecord[]) {
    if (win.location.href !== lastUrl) return check();
    if (taskId === null) return;
    if (mounted) {
      if (!mounted.host.isConnected || !mounted.view.isConnected) return check();
      const view = mounted.view;
      for (const r of records) {
        if (r.type === 'attributes') { setTheme(mounted.host); continue; }
        // Our own panels coming and going are no news about the task.
        const only = r.addedNodes.length + r.removedNodes.length === 1 ? r.addedNodes[0] ?? r.removedNodes[0] : null;
        if ((only as Element | null)?.localName === HOST_TAG) continue;
        if (!view.contains(r.target)) continue;
        // A reused view may already show another task while the URL still names this one: out
        // now, before a frame shows this panel over the other task (an unreadable view in the
        // middle of a re-render is left to the refresh).
        const now = adapter.readTask(view, win.location.href);
        if (now && now.task.key !== mounted.key) {
          unmount();
          return check();
        }
        return scheduleRefresh();
      }
      return;
    }
    const selector = adapter.taskViewSelector;
    for (const r of records) {
      if (pending?.contains(r.target)) return check();
      for (const node of r.addedNodes) {
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        if (el.closest(selector) || el.querySelector(selector)) return check();
      }
    }
  }

  const observer = new win.MutationObserver(guard(onMutations));
  let observed: Node | null = null;
  let pending: Element | null = null;
  /**
   * Observes the whole document (and a task view not readable yet), or a mounted task view and
   * its ancestors, or nothing. Inside a view, text rewritten in place counts too: hosts that keep
   * the view when switching task (Angular bindings) change text nodes, not elements.
   */
  function observe(target: Document | Element | null, view: Element | null = null) {
    if (target === observed && view === pending) return;
    observer.disconnect();
    observed = target;
    pending = view;
    if (!target) return;
    observer.observe(target, { childList: true, subtree: true, characterData: target !== doc });
    if (view) observer.observe(view, { childList: true, subtree: true, characterData: true });
    // Ancestors for the view's removal; <html> and <body> also for a theme switch.
    if (target !== doc) {
      for (let n = target.parentNode; n; n = n.parentNode) {
        observer.observe(n, n === doc.body || n === doc.documentElement ? { childList: true, attributes: true, attributeFilter: THEME_ATTRIBUTES } : { childList: true });
      }
    }
  }
  // pushState fires no DOM event; the URL is read once the page's navigation code has run.
  options.onLocationChange?.(() => queueMicrotask(guard(check)));
  // In a host made as the real ones are: the first real panel then finds this code and the
  // browser's host and shadow root paths warm too.
  guard(() => render.warmUp?.(createHost('')))();
  guard(check)();

  return {
    /** Draws the open panel again, e.g. with a setting that was read after it appeared. */
    redraw() {
      mounted?.handle.update(mounted.snapshot);
    },
    /** Stops watching and removes the panel (content script invalidated). */
    stop() {
      observer.disconnect();
      clearTimeout(giveUpTimer);
      unmount();
    },
  };
}

/** The id the URL names a task by: its own, or an alias the page resolved (a custom id). */
const urlIdOf = (s: TaskSnapshot) => s.urlId ?? s.task.taskId;

/** Where hosts mark their theme on <html> or <body> (class names, Atlassian's colour mode). */
const THEME_ATTRIBUTES = ['class', 'data-color-mode'];

function stopPropagation(e: Event) {
  e.stopPropagation();
}

/** No exception of ours may reach the host page or stop the observer. */
function guard<A extends unknown[]>(fn: (...args: A) => void) {
  return (...args: A) => {
    try { fn(...args); } catch (e) { console.warn('[VA Scorecard]', e); }
  };
}
