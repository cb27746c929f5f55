// Asana's REST client for board sync (shared/reference/asana-api.md): a project's tasks, 100 a
// page with offset paging, changed since a `modified_since` watermark, with the fields we read
// named in opt_fields. Parsed with zod, tolerant of nulls, missing optional fields and extra ones.
import { z } from 'zod';
import { parseBody } from '../../sync/parse';
import { SyncError, type BoardRef, type BoardTask, type Http, type PageResult, type SyncSource } from '../../sync/types';
import { ASANA } from './facts';

const API = 'https://app.asana.com/api/1.0';
const FIELDS = 'name,completed,completed_at,modified_at,due_on,due_at,assignee.name,assignee.email,actual_time_minutes,'
  + 'custom_fields.name,custom_fields.number_value,custom_fields.asana_created_field,custom_fields.format';

const Instant = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not a date');
const Task = z.object({
  gid: z.string().regex(/^\d{1,40}$/),
  name: z.string().nullish(),
  completed: z.boolean().nullish(),
  completed_at: Instant.nullish(),
  modified_at: Instant.nullish(),
  due_on: z.iso.date().nullish(),
  due_at: Instant.nullish(),
  assignee: z.object({ gid: z.string(), name: z.string().nullish(), email: z.string().nullish() }).nullish(),
  actual_time_minutes: z.number().nullish(),
  custom_fields: z.array(z.object({
    name: z.string().nullish(), number_value: z.number().nullish(), asana_created_field: z.string().nullish(), format: z.string().nullish(),
  })).nullish(),
});
const TaskPage = z.object({ data: z.array(Task), next_page: z.object({ offset: z.string() }).nullish() });

export interface AsanaState { offset: string | null; since: string | null; high: string | null }

/** Asana's "Estimated time" field (a duration in minutes) when the project has it. */
function estimateOf(task: z.infer<typeof Task>): number | null {
  const field = task.custom_fields?.find((f) => f.asana_created_field === 'estimated_time' || (f.format === 'duration' && /estimat/i.test(f.name ?? '')));
  return field?.number_value ?? null;
}

export function toBoardTask(task: z.infer<typeof Task>, board: BoardRef): BoardTask {
  const tracked = task.actual_time_minutes ?? null;
  return {
    taskId: task.gid,
    title: (task.name ?? '').slice(0, 2000),
    url: ASANA.taskUrl(task.gid),
    board: board.name.slice(0, 500) || null,
    assignees: task.assignee ? [{ id: task.assignee.gid, name: (task.assignee.name || task.assignee.email || task.assignee.gid).slice(0, 200) }] : [],
    dueAt: task.due_at ? new Date(task.due_at).toISOString() : task.due_on ?? null,
    doneAt: task.completed ? new Date(task.completed_at ?? task.modified_at ?? Date.now()).toISOString() : null,
    estimateMinutes: estimateOf(task),
    trackedMinutes: tracked !== null && tracked >= 0 ? tracked : null,
  };
}

export const asanaSource: SyncSource<AsanaState> = {
  platform: 'asana',
  rateLimit: { max: 150, windowMs: 60_000 }, // free domains: 150 per token per minute (paid: 1,500)
  connect: { parts: ['token'], stepsKey: 'sync_stepsAsana', tokenUrl: 'https://app.asana.com/0/my-apps', fullHelpKey: 'sync_fullHelpAsana' },
  authHeaders: (token) => ({ Authorization: `Bearer ${token}` }),
  begin: (_board, watermark) => ({ offset: null, since: watermark, high: watermark }),
  async page(http: Http, board, state): Promise<PageResult<AsanaState>> {
    const query = new URLSearchParams({ project: board.id, limit: '100', opt_fields: FIELDS });
    if (state.since) query.set('modified_since', state.since);
    if (state.offset) query.set('offset', state.offset);
    let body: z.infer<typeof TaskPage>;
    try {
      body = parseBody(TaskPage, await http.get(`${API}/tasks?${query}`), 'tasks');
    } catch (e) {
      // Offsets expire: a run resumed much later starts its pages again (writing a page twice changes nothing).
      if (e instanceof SyncError && e.status === 400 && state.offset) return { tasks: [], next: { ...state, offset: null } };
      throw e;
    }
    let high = state.high;
    for (const t of body.data) {
      // modified_since is inclusive: the next run asks from just after the newest change seen.
      const after = t.modified_at ? new Date(Date.parse(t.modified_at) + 1).toISOString() : null;
      if (after && (high === null || after > high)) high = after;
    }
    const offset = body.next_page?.offset ?? null;
    return {
      tasks: body.data.map((t) => toBoardTask(t, board)),
      next: offset ? { ...state, offset, high } : null,
      watermark: high,
    };
  },
  async accountName(http) {
    const me = parseBody(z.object({ data: z.object({ name: z.string().nullish(), email: z.string().nullish(), gid: z.string() }) }), await http.get(`${API}/users/me?opt_fields=name,email`), 'user');
    return me.data.name || me.data.email || me.data.gid;
  },
  async listBoards(http) {
    const Named = z.object({ gid: z.string(), name: z.string() });
    const spaces = parseBody(z.object({ data: z.array(Named) }), await http.get(`${API}/workspaces?limit=100`), 'workspaces').data;
    const out: BoardRef[] = [];
    for (const space of spaces) {
      const projects = parseBody(z.object({ data: z.array(Named) }), await http.get(`${API}/projects?workspace=${space.gid}&archived=false&limit=100`), 'projects').data;
      for (const p of projects) out.push({ platform: 'asana', id: p.gid, name: spaces.length > 1 ? `${space.name} › ${p.name}` : p.name });
    }
    return out;
  },
};
