// ClickUp's REST client for board sync (API v2, shared/reference/clickup-api.md): the tasks of a
// list, 100 a page, changed since a `date_updated` watermark. Parsed with zod, tolerant of what
// ClickUp really sends (timestamps and numbers as strings, nulls, missing optional fields, extra
// fields), strict about the ids and names the sync relies on.
import { z } from 'zod';
import { parseBody as parse } from '../../sync/parse';
import { type BoardRef, type BoardTask, type Http, type PageResult, type SyncSource } from '../../sync/types';
import { CLICKUP } from './facts';

const API = 'https://api.clickup.com/api/v2';
const PAGE_SIZE = 100;

/** Unix ms sent as a string or a number; empty or null = none. */
const Millis = z.union([z.string(), z.number(), z.null()]).optional().transform((v, ctx) => {
  if (v === undefined || v === null || v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) { ctx.addIssue({ code: 'custom', message: `not a timestamp: ${v}` }); return z.NEVER; }
  return n;
});
const Id = z.union([z.string().min(1), z.number()]).transform(String);

const User = z.object({ id: Id, username: z.string().nullish(), email: z.string().nullish() });
const Task = z.object({
  id: z.string().min(1),
  name: z.string(),
  url: z.string().nullish(),
  status: z.object({ status: z.string().nullish(), type: z.string().nullish() }).nullish(),
  date_updated: Millis,
  date_closed: Millis,
  date_done: Millis,
  due_date: Millis,
  time_estimate: Millis,
  time_spent: Millis,
  assignees: z.array(User).nullish(),
  list: z.object({ id: Id, name: z.string().nullish() }).nullish(),
});
const TaskPage = z.object({ tasks: z.array(Task), last_page: z.boolean().optional() });

export interface ClickUpState { page: number; since: string | null; high: string | null }

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 60_000));

export function toBoardTask(task: z.infer<typeof Task>, board: BoardRef): BoardTask {
  const type = task.status?.type ?? '';
  const done = type === 'closed' || type === 'done';
  return {
    taskId: task.id,
    title: task.name.slice(0, 2000),
    url: CLICKUP.taskUrl(task.id),
    board: (task.list?.name ?? board.name).slice(0, 500) || null,
    assignees: (task.assignees ?? []).slice(0, 100).map((u) => ({ id: u.id, name: (u.username || u.email || u.id).slice(0, 200) })),
    dueAt: iso(task.due_date),
    doneAt: done ? iso(task.date_done ?? task.date_closed ?? task.date_updated) : null,
    estimateMinutes: minutes(task.time_estimate),
    trackedMinutes: minutes(task.time_spent),
  };
}

export const clickupSource: SyncSource<ClickUpState> = {
  platform: 'clickup',
  rateLimit: { max: 100, windowMs: 60_000 }, // Free Forever / Unlimited / Business: 100 per token per minute
  connect: { parts: ['token'], stepsKey: 'sync_stepsClickup', tokenUrl: 'https://app.clickup.com/settings/apps', fullHelpKey: 'sync_fullHelpClickup' },
  authHeaders: (token) => ({ Authorization: token }), // a personal token goes bare, no "Bearer"
  begin: (_board, watermark) => ({ page: 0, since: watermark, high: watermark }),
  async page(http: Http, board, state): Promise<PageResult<ClickUpState>> {
    const query = new URLSearchParams({ page: String(state.page), include_closed: 'true', subtasks: 'true', order_by: 'created' });
    if (state.since) query.set('date_updated_gt', state.since);
    const body = parse(TaskPage, await http.get(`${API}/list/${encodeURIComponent(board.id)}/task?${query}`), 'tasks');
    let high = state.high === null ? null : Number(state.high);
    for (const t of body.tasks) if (t.date_updated !== null && (high === null || t.date_updated > high)) high = t.date_updated;
    const last = body.last_page ?? body.tasks.length < PAGE_SIZE;
    const highText = high === null ? null : String(high);
    return {
      tasks: body.tasks.map((t) => toBoardTask(t, board)),
      next: last ? null : { ...state, page: state.page + 1, high: highText },
      watermark: highText,
    };
  },
  async accountName(http) {
    const body = parse(z.object({ user: User }), await http.get(`${API}/user`), 'user');
    return body.user.username || body.user.email || body.user.id;
  },
  async listBoards(http) {
    const teams = parse(z.object({ teams: z.array(z.object({ id: Id, name: z.string() })) }), await http.get(`${API}/team`), 'teams').teams;
    const List = z.object({ id: Id, name: z.string() });
    const out: BoardRef[] = [];
    for (const team of teams) {
      const spaces = parse(z.object({ spaces: z.array(z.object({ id: Id, name: z.string() })) }),
        await http.get(`${API}/team/${team.id}/space?archived=false`), 'spaces').spaces;
      for (const space of spaces) {
        const folders = parse(z.object({ folders: z.array(z.object({ name: z.string(), lists: z.array(List).default([]) })) }),
          await http.get(`${API}/space/${space.id}/folder?archived=false`), 'folders').folders;
        const loose = parse(z.object({ lists: z.array(List) }), await http.get(`${API}/space/${space.id}/list?archived=false`), 'lists').lists;
        for (const list of loose) out.push({ platform: 'clickup', id: list.id, name: `${space.name} › ${list.name}` });
        for (const folder of folders) for (const list of folder.lists) out.push({ platform: 'clickup', id: list.id, name: `${space.name} › ${folder.name} › ${list.name}` });
      }
    }
    return out;
  },
};
