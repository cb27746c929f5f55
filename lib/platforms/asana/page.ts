// Every Asana selector and URL rule, and nothing else. Selectors come from
// shared/reference/dom-selectors.md (what Toggl, Clockify, TimeCamp and Harvest use today);
// Asana changes them often, so they live here only.
import type { Assignee } from '../../model';
import { taskKey, type MountPoint, type TaskSnapshot } from '../adapter';
import { ASANA } from './facts';

/** A task as the pane shows it: a completed task shows a pressed toggle, but not since when. */
export interface PaneSnapshot extends TaskSnapshot {
  complete: boolean;
}

export const SELECTORS = {
  /** Asana's design tokens mark dark mode on <body> (Clockify). */
  darkTheme: 'body.DesignTokenThemeSelectors-theme--darkMode',
  /** The task pane beside list, board and My Tasks views; Asana reuses it from task to task. */
  taskPane: '.TaskPane',
  title: '.TaskPaneTitle textarea, .TaskPane-titleRow textarea',
  /** The fields block (assignee, due date, projects); the panel goes right under it. */
  fields: '.TaskPaneFields',
  assigneeName: '.TaskPaneAssigneeToken .AssigneeToken-userNameLabel',
  dueLabel: '.TaskPaneFields-dueDateContainer .DueDateTokenButton-label',
  project: '.TaskProjectTokenPill-name',
  /** The toolbar's "Mark complete" toggle, pressed once the task is done. */
  completed: '.TaskPaneToolbar .TaskCompletionToggleButton--isPressed',
} as const;

const GID = /^\d{1,30}$/;
// V0: /0/<project>/<task>[/f], /0/inbox|search/<x>/<task>. V1: /1/<ws>[/project/<p>]/task/<t>[/comment/<c>].
const V0 = /^\/0\/(?:(?:inbox|search)\/\d+|\d+)\/(\d+)(?:\/f)?\/?$/;
const V1 = /^\/1\/\d+(?:\/project\/\d+)?\/task\/(\d+)(?:\/comment\/\d+)?\/?$/;

/** The gid of the task `url` opens (a subtask in `?child=` over its parent), else null. */
export function matchTaskUrl(url: string): string | null {
  let u: URL;
  try { u = new URL(url); } catch { return null; }
  if (u.protocol !== 'https:' || !ASANA.appHosts.includes(u.hostname as never)) return null;
  const v0 = V0.exec(u.pathname);
  if (v0) {
    const child = u.searchParams.get('child');
    return child && GID.test(child) ? child : v0[1]!;
  }
  return V1.exec(u.pathname)?.[1] ?? null;
}

export function findTaskPane(root: ParentNode): Element | null {
  return root.querySelector(SELECTORS.taskPane);
}

/** The task the pane itself says it shows (Harvest and TimeCamp read this), else null. */
export function paneTaskId(pane: Element): string | null {
  const id = pane.getAttribute('data-task-id');
  return id && GID.test(id) ? id : null;
}

export function paneMountPoint(pane: Element): MountPoint | null {
  const fields = pane.querySelector(SELECTORS.fields);
  if (!fields?.parentElement) return null;
  return { parent: fields.parentElement, before: fields.nextSibling };
}

/**
 * Reads the task in the pane; null when the title is missing (the page is not what we know).
 * The pane's own task id wins over the URL's, so a pane still showing the previous task is read
 * as that task and never under the new one's key.
 */
export function readPane(pane: Element, url: string, now = new Date()): PaneSnapshot | null {
  const titleEl = pane.querySelector(SELECTORS.title);
  const gid = paneTaskId(pane) ?? matchTaskUrl(url);
  if (!titleEl || !gid) return null;
  const title = ('value' in titleEl ? String(titleEl.value) : titleEl.textContent ?? '').trim();
  const name = pane.querySelector(SELECTORS.assigneeName)?.textContent?.trim().slice(0, 200);
  const assignees: Assignee[] = name ? [{ id: null, name }] : [];
  const project = pane.querySelector(SELECTORS.project)?.textContent?.trim() || null;
  return {
    task: {
      key: taskKey('asana', gid),
      platform: 'asana',
      taskId: gid,
      title: title.slice(0, 2000),
      url: ASANA.taskUrl(gid),
      board: project?.slice(0, 500) ?? null,
      assignees,
      dueAt: parseDueLabel(pane.querySelector(SELECTORS.dueLabel)?.textContent ?? '', now),
      doneAt: null,
      nativeEstimateMinutes: null,
      nativeTrackedMinutes: null,
    },
    complete: pane.querySelector(SELECTORS.completed) !== null,
  };
}

// Month names and abbreviations as Asana writes them in English and Dutch.
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, mrt: 3, maa: 3, apr: 4, may: 5, mei: 5, jun: 6, jul: 7, aug: 8,
  sep: 9, oct: 10, okt: 10, nov: 11, dec: 12,
};
const RELATIVE: Record<string, number> = { today: 0, vandaag: 0, tomorrow: 1, morgen: 1, yesterday: -1, gisteren: -1 };
const WEEKDAYS = [
  ['sunday', 'zondag'], ['monday', 'maandag'], ['tuesday', 'dinsdag'], ['wednesday', 'woensdag'],
  ['thursday', 'donderdag'], ['friday', 'vrijdag'], ['saturday', 'zaterdag'],
];

const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The due label shows "Today", "Tomorrow", a weekday of the coming week, "Nov 30" or
 * "Nov 30, 2027" (Dutch "30 nov."), with a time when one is set ("Today 5pm", "Nov 30, 17:00")
 * and a start date before a dash. A day alone is a whole local day; with a time, an instant.
 */
export function parseDueLabel(text: string, now = new Date()): string | null {
  const parts = text.toLowerCase().split(/\s[–—-]\s/);
  let s = parts.at(-1)!.trim();
  if (!s) return null;
  // "Nov 28 – 30": the end inherits the start's month.
  if (/^\d{1,2}\b/.test(s) && parts.length > 1 && !/[a-z]{3}/.test(s.replace(/\b[ap]m\b/, ''))) {
    const month = /[a-z]{3,}/.exec(parts[0]!)?.[0];
    if (month) s = `${month} ${s}`;
  }
  let date: Date | null = null;
  let rest = s;
  const word = /^([a-z]+)\b/.exec(s)?.[1] ?? '';
  const weekday = WEEKDAYS.findIndex((names) => names.includes(word));
  if (word in RELATIVE || weekday >= 0) {
    const ahead = word in RELATIVE ? RELATIVE[word]! : ((weekday - now.getDay() + 7) % 7 || 7);
    date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ahead);
    rest = s.slice(word.length);
  } else {
    const m = /([a-z]{3,})\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+([a-z]{3,})\.?/.exec(s);
    const month = m && MONTHS[(m[1] ?? m[4])!.slice(0, 3)];
    if (!m || !month) return null;
    const day = Number(m[2] ?? m[3]);
    rest = s.slice(m.index + m[0].length);
    const yearMatch = /^,?\s*(20\d\d)\b/.exec(rest);
    if (yearMatch) rest = rest.slice(yearMatch[0].length);
    const year = Number(yearMatch?.[1] ?? now.getFullYear());
    // Round-trip through Date to refuse days that do not exist ("Feb 30").
    date = new Date(year, month - 1, day);
    if (day < 1 || date.getMonth() !== month - 1) return null;
  }
  const time = /^[,\s]*(?:at|om)?\s*(\d{1,2})(?:[:.](\d\d))?\s*([ap]\.?m\.?)?(?![\d])/.exec(rest);
  if (!time || (!time[2] && !time[3])) return ymd(date);
  let hours = Number(time[1]);
  const minutes = Number(time[2] ?? 0);
  if (time[3]) hours = (hours % 12) + (time[3].startsWith('p') ? 12 : 0);
  if (hours > 23 || minutes > 59) return ymd(date);
  date.setHours(hours, minutes, 0, 0);
  return date.toISOString();
}

// Once now, in the script's first task: the first task view read otherwise pays for compiling
// these patterns (measured on a fresh page: part of the ~0.6 ms the read took).
parseDueLabel('nov 30, 5pm');
