// What a board platform must tell the panel. Trello, Asana and ClickUp each implement this in
// lib/platforms/<name>/; the panel and the page observer know nothing else about a platform.
// Type-only imports: content scripts bundle this file and must stay free of zod.
import type { TaskInput } from '../messages/protocol';
import type { Platform } from '../model';

/**
 * What the page (or the platform's API) says about the open task, everything the panel shows.
 * `task.doneAt` is the completion time; a platform that knows only a "complete" flag decides in
 * its own folder what time stands in for it.
 */
export interface TaskSnapshot {
  task: TaskInput;
  /**
   * The id the URL names this task by when it is not `task.taskId` (a ClickUp custom id): the
   * page observer matches the URL against it.
   */
  urlId?: string;
}

/** Where the panel's host element goes: inserted into `parent` before `before` (null = at the end). */
export interface MountPoint {
  parent: Element;
  before: Node | null;
}

export interface PlatformAdapter {
  readonly platform: Platform;
  /**
   * One CSS selector that matches the root element of an open task view. The page observer tests
   * only this on added nodes, so it must be cheap and specific.
   */
  readonly taskViewSelector: string;
  /** The task id when `url` shows a task (possibly over a board), else null. */
  matchTaskUrl(url: string): string | null;
  /** The open task view under `root`, or null. */
  findTaskView(root: ParentNode): Element | null;
  /** Reads the task from the view; null when the view lacks what we rely on (page changed). */
  readTask(view: Element, url: string): TaskSnapshot | null;
  /**
   * Matches the page's root (`html` or `body`) when the host shows its dark theme, so the panel
   * follows the host rather than the system setting.
   */
  readonly darkThemeSelector: string;
  /** Where the panel goes inside the view; null when that place is missing (never guess). */
  mountPoint(view: Element): MountPoint | null;
  /**
   * Optional second source for what the page does not show (member ids, due time). Resolves to
   * null on any failure: the page's data then stands.
   */
  enrich?(snapshot: TaskSnapshot, signal: AbortSignal): Promise<TaskSnapshot | null>;
}

/** The stored key of a task: `platform:taskId`, the id of its rating. */
export function taskKey(platform: Platform, taskId: string): string {
  return `${platform}:${taskId}`;
}
