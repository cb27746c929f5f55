// Every Trello selector and URL rule, and nothing else. Selectors come from
// shared/reference/dom-selectors.md (what Toggl, Clockify and public test suites use today);
// Trello changes them often, so they live here only.
import type { Assignee } from '../../model';
import type { MountPoint, TaskSnapshot } from '../adapter';

/** A card as the page or the REST read shows it: Trello has no completion time, only this flag. */
export interface CardSnapshot extends TaskSnapshot {
  complete: boolean;
}
import { taskKey } from '../adapter';
import { TRELLO } from './facts';

export const SELECTORS = {
  /** Atlassian design tokens mark the theme on <html>. */
  darkTheme: 'html[data-color-mode="dark"]',
  /** The card dialog ("card back"); Toggl and Clockify anchor on it. */
  cardView: '[data-testid="card-back-name"]',
  title: '[data-testid="card-back-title-input"]',
  /** Outside the dialog, in the board header behind it. */
  boardName: '[data-testid="board-name-display"]',
  memberAvatar: '[data-testid="card-back-member-avatar"]',
  dueBadge: '[data-testid="due-date-badge-with-date-range-picker"]',
  /** The "complete" checkbox next to the due date (assumed; the REST read confirms it). */
  dueComplete: '[data-testid="card-back-due-date-badge"] input[type="checkbox"]',
} as const;

/** Card shortLinks are 8 letters and digits; the 24-hex card id form redirects to them. */
const CARD_PATH = /^\/c\/([A-Za-z0-9]{8})(?:\/[^/]*)?\/?$/;

/** The card's shortLink when `url` is a Trello card URL (a card dialog over its board). */
export function matchCardUrl(url: string): string | null {
  let u: URL;
  try { u = new URL(url); } catch { return null; }
  if (u.protocol !== 'https:' || !TRELLO.appHosts.includes(u.hostname as never)) return null;
  return CARD_PATH.exec(u.pathname)?.[1] ?? null;
}

export const cardUrl = TRELLO.taskUrl;

export function findCardView(root: ParentNode): Element | null {
  return root.querySelector(SELECTORS.cardView);
}

/** The panel goes right under the dialog's header (title row), inside the card. */
export function cardMountPoint(view: Element): MountPoint | null {
  const header = view.querySelector(SELECTORS.title)?.closest('header');
  if (!header?.parentElement || !view.contains(header.parentElement)) return null;
  return { parent: header.parentElement, before: header.nextSibling };
}

/** Reads the open card; null when the title is missing, i.e. the page is not what we know. */
export function readCard(view: Element, shortLink: string): CardSnapshot | null {
  const titleEl = view.querySelector(SELECTORS.title);
  if (!titleEl) return null;
  const title = ('value' in titleEl ? String(titleEl.value) : titleEl.textContent ?? '').trim();
  const board = view.ownerDocument.querySelector(SELECTORS.boardName)?.textContent?.trim() || null;
  const dueText = view.querySelector(SELECTORS.dueBadge)?.querySelector('span')?.textContent ?? '';
  const completeBox = view.querySelector<HTMLInputElement>(SELECTORS.dueComplete);
  return {
    task: {
      key: taskKey('trello', shortLink),
      platform: 'trello',
      taskId: shortLink,
      title: title.slice(0, 2000),
      url: cardUrl(shortLink),
      board: board?.slice(0, 500) ?? null,
      assignees: readMembers(view),
      dueAt: parseDueText(dueText),
      doneAt: null,
      nativeEstimateMinutes: null,
      nativeTrackedMinutes: null,
    },
    complete: completeBox?.checked === true,
  };
}

/** Avatars carry `title="Full Name (username)"`; the page shows no member ids. */
function readMembers(view: Element): Assignee[] {
  const seen = new Set<string>();
  const members: Assignee[] = [];
  for (const el of view.querySelectorAll(SELECTORS.memberAvatar)) {
    const label = (el.getAttribute('title') || el.getAttribute('aria-label') || '').trim();
    const name = label.replace(/\s*\([^()]*\)\s*$/, '').trim().slice(0, 200);
    if (!name || seen.has(name)) continue;
    seen.add(name);
    members.push({ id: null, name });
  }
  return members.slice(0, 100);
}

// Month names and abbreviations as Trello writes them in English and Dutch.
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, mrt: 3, maa: 3, apr: 4, may: 5, mei: 5, jun: 6, jul: 7, aug: 8,
  sep: 9, oct: 10, okt: 10, nov: 11, dec: 12,
};

/**
 * The due badge shows e.g. "Nov 30, 5:00 PM" (English) or "30 nov, 17:00" (Dutch), the year only
 * when it is not this year. We keep the day (a whole local day); the exact time comes from the
 * REST read when it works.
 */
export function parseDueText(text: string, now = new Date()): string | null {
  const s = text.toLowerCase();
  // "Nov 30" or "30 nov": the first mention of a month counts ("30 nov. 17:00" is not Nov 17).
  for (const m of s.matchAll(/([a-z]{3,})\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+([a-z]{3,})/g)) {
    const month = MONTHS[(m[1] ?? m[4])!.slice(0, 3)];
    if (!month) continue;
    const day = Number(m[2] ?? m[3]);
    const year = Number(/\b20\d\d\b/.exec(s)?.[0] ?? now.getFullYear());
    // Round-trip through Date to refuse days that do not exist ("Feb 30").
    const date = new Date(year, month - 1, day);
    if (day < 1 || date.getMonth() !== month - 1) return null;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}

// Once now, in the script's first task: the first task view read otherwise pays for compiling
// these patterns (measured on a fresh page: part of the ~0.6 ms the read took).
parseDueText('nov 30');
