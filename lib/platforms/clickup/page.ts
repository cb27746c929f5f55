// Every ClickUp selector and URL rule, and nothing else. Selectors come from
// shared/reference/dom-selectors.md where a surveyed extension uses them (view root, title, task-id
// label, breadcrumbs, dark theme); the rest (assignees, status, due date, time estimate and
// tracked time, custom id) are read by no surveyed extension and are our assumption, kept here
// so a ClickUp change is fixed in one place.
import type { Assignee } from '../../model';
import type { MountPoint, TaskSnapshot } from '../adapter';
import { taskKey } from '../adapter';
import { parseDuration } from '../../text/duration';
import { CLICKUP } from './facts';

/** A task as the page shows it: ClickUp's view shows a status, not when it was closed. */
export interface ClickUpSnapshot extends TaskSnapshot {
  complete: boolean;
}

export const SELECTORS = {
  darkTheme: 'body.dark-theme',
  /** The task view, as a modal over a list / board or as a full page (Clockify anchors on it). */
  taskView: '.cu-task-view__container',
  title: '[data-test="task-title__title-overlay"]',
  /** The real task id (Clockify observes this label to notice a task switch). */
  taskId: '[data-test="cu-task-view-task-label__task-id"]',
  /** The workspace's own id (`DEV-42`), shown beside the real one when custom ids are on. */
  customId: '[data-test="cu-task-view-task-label__custom-id"]',
  breadcrumb: '.cu-task-view-breadcrumbs__text',
  /** The row of the title; the panel goes right under it. */
  hero: '.cu-task-hero-section',
  assignee: '[data-test="task-assignees"] [data-test="user-avatar"]',
  status: '[data-test="task-status__name"]',
  due: '[data-test="task-due-date__value"]',
  estimate: '[data-test="time-estimate__value"]',
  tracked: '[data-test="time-tracked__value"]',
} as const;

/** Task ids are lowercase base 36; custom ids are letters, digits, `-` and `_` after a numeric team. */
const TASK_PATH = /^\/t\/(?:([0-9a-z]+)|\d+\/([A-Za-z0-9][A-Za-z0-9_-]*))\/?$/;

/**
 * The id the URL names the task by: the task id of `/t/<id>`, or the custom id of
 * `/t/<team>/<CUSTOM-ID>` (which only the page can turn into the task id). Null elsewhere.
 */
export function matchTaskUrl(url: string): string | null {
  let u: URL;
  try { u = new URL(url); } catch { return null; }
  if (u.protocol !== 'https:' || !CLICKUP.appHosts.includes(u.hostname as never)) return null;
  const m = TASK_PATH.exec(u.pathname);
  return m ? (m[1] ?? m[2]!) : null;
}

export function findTaskView(root: ParentNode): Element | null {
  return root.querySelector(SELECTORS.taskView);
}

export function taskMountPoint(view: Element): MountPoint | null {
  const hero = view.querySelector(SELECTORS.hero);
  return hero?.parentElement ? { parent: hero.parentElement, before: hero.nextSibling } : null;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').trim();

/**
 * Reads the task the view shows, when it is the one `urlId` names: null while the view still
 * shows another task (ClickUp keeps the container when switching), while the real id is not on
 * the page yet, or when the page is not what we know.
 */
export function readTask(view: Element, urlId: string): ClickUpSnapshot | null {
  const taskId = text(view.querySelector(SELECTORS.taskId)).replace(/^#/, '');
  const titleEl = view.querySelector(SELECTORS.title);
  if (!/^[0-9a-z]+$/.test(taskId) || !titleEl) return null;
  const customId = text(view.querySelector(SELECTORS.customId));
  if (urlId !== taskId && urlId.toUpperCase() !== customId.toUpperCase()) return null;
  const crumbs = view.querySelectorAll(SELECTORS.breadcrumb);
  const status = text(view.querySelector(SELECTORS.status)).toLowerCase();
  return {
    task: {
      key: taskKey('clickup', taskId),
      platform: 'clickup',
      taskId,
      title: text(titleEl).slice(0, 2000),
      url: CLICKUP.taskUrl(taskId),
      board: text(crumbs[crumbs.length - 1]).slice(0, 500) || null,
      assignees: readAssignees(view),
      dueAt: parseDueText(text(view.querySelector(SELECTORS.due))),
      doneAt: null,
      nativeEstimateMinutes: minutes(view.querySelector(SELECTORS.estimate)),
      nativeTrackedMinutes: minutes(view.querySelector(SELECTORS.tracked)),
    },
    ...(urlId !== taskId && { urlId }),
    // ClickUp's default closed statuses; a status of type done / closed may carry another name.
    complete: /^(?:done|closed|complete|completed)$/.test(status),
  };
}

/** "2h 30m", "45m", "3h"; an empty field ("Empty", "0h") is no value. */
function minutes(el: Element | null): number | null {
  const n = parseDuration(text(el));
  return n ? n : null;
}

function readAssignees(view: Element): Assignee[] {
  const names = new Set<string>();
  for (const el of view.querySelectorAll(SELECTORS.assignee)) {
    const name = (el.getAttribute('aria-label') || el.getAttribute('title') || '').trim().slice(0, 200);
    if (name) names.add(name);
  }
  return [...names].slice(0, 100).map((name) => ({ id: null, name }));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** ClickUp writes due dates as "Nov 30" or "Nov 30, 2027" (English UI); kept as a whole local day. */
export function parseDueText(s: string, now = new Date()): string | null {
  const m = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,?\s+(20\d\d))?\b/i.exec(s);
  const month = m ? MONTHS.indexOf(m[1]!.toLowerCase()) : -1;
  if (month < 0) return null;
  const day = Number(m![2]);
  const year = Number(m![3] ?? now.getFullYear());
  if (new Date(year, month, day).getDate() !== day) return null;
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Once now, in the script's first task: the first task view read otherwise pays for compiling
// these patterns (measured on a fresh page: part of the ~0.6 ms the read took).
parseDueText('nov 30');
