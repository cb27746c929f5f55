// Renders the panel into the shadow root the page observer made (lib/content/observer.ts).
// Synchronous on purpose: the form is in the page in the same task as the card view.
import { render } from 'preact';
import type { PanelHandle, RenderPanel } from '@/lib/content/observer';
import type { TaskSnapshot } from '@/lib/platforms/adapter';
import type { PanelApi } from '@/lib/content/panel-api';
import { builtinCategories } from './categories';
import { Panel, type CategoryOption } from './Panel';
import css from './panel.css?inline';

export interface PanelDeps {
  api: PanelApi;
  /** The built-in categories when left out, labelled once per page. */
  categories?(): CategoryOption[];
  collapsed(): boolean;
  setCollapsed(collapsed: boolean): void;
}

let sheet: CSSStyleSheet | undefined;

/** One parsed style sheet shared by every panel; a <style> where the browser refuses to share. */
function adoptStyles(shadow: ShadowRoot) {
  try {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // e.g. Firefox content scripts, whose wrappers may not hand the array over
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}

/** A task no page shows, for the warm-up: only what the panel cannot do without. */
const WARM = { task: { key: '', assignees: [] } } as unknown as TaskSnapshot;

export function panelRenderer(deps: PanelDeps): RenderPanel {
  let builtin: CategoryOption[] | undefined;
  const categories = deps.categories ?? (() => (builtin ??= builtinCategories()));
  const mount = (shadow: ShadowRoot, snapshot: TaskSnapshot, read: () => TaskSnapshot, whole?: boolean): PanelHandle => {
    const root = document.createElement('div');
    adoptStyles(shadow);
    shadow.append(root);
    const flushRef: { current: (() => void) | null } = { current: null };
    const draw = (s: TaskSnapshot) => render(
      <Panel
        snapshot={s} read={read} api={deps.api} categories={categories()} flushRef={flushRef}
        collapsed={deps.collapsed()} onCollapsedChange={deps.setCollapsed} whole={whole}
      />,
      root,
    );
    draw(snapshot);
    return {
      update: draw,
      unmount() {
        flushRef.current?.();
        render(null, root);
      },
    };
  };
  return Object.assign(mount, {
    /**
     * Draws the form off the page at start-up, whole and then as a first paint draws it: the
     * first real panel then runs warm code instead of paying for the first render of every
     * component, for the style sheet's parse and for the browser's first `i18n.getMessage` of
     * the page, which loads the message catalogue (2–60 ms measured on a fresh page). Warming
     * the first paint's own path, in a real host, took a task opened by its URL from 2.6–2.8 to
     * 1.8–2.4 ms median (runs of 40 loads). It asks the extension nothing: each draw is
     * unmounted in this task, and Preact drops the effects (the load) of a component gone before
     * they run.
     */
    warmUp(shadow: ShadowRoot) {
      for (const whole of [true, false]) mount(shadow, WARM, () => WARM, whole).unmount();
    },
  });
}
