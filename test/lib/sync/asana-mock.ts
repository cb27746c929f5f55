// An Asana API of our own making: GET /users/me, /workspaces, /projects, and /tasks?project=
// with opt_fields, modified_since (inclusive), limit ≤ 100 and offset tokens that can expire;
// 150 requests a minute with Retry-After, and its `{ errors: [{ message }] }` bodies.
import { createServer, json } from './mock';

export interface MockAsanaTask { gid: string; name: string | null; modified: number; completedAt: number | null; dueOn: string | null; dueAt: string | null; actual: number | null; estimate: number | null; assignee: { gid: string; name: string } | null }

export function asanaTasks(n: number, start = Date.parse('2026-11-01T08:00:00.000Z')): MockAsanaTask[] {
  return Array.from({ length: n }, (_, i) => ({
    gid: String(1_200_000_000_000 + i),
    name: `Task ${i}`,
    modified: start + i * 60_000,
    completedAt: i % 3 === 0 ? start + i * 60_000 : null,
    dueOn: i % 2 === 0 ? '2026-11-05' : null,
    dueAt: i % 7 === 1 ? '2026-11-06T12:00:00.000Z' : null,
    actual: i % 4 === 0 ? 90 : null,
    estimate: i % 4 === 0 ? 60 : null,
    assignee: i % 5 === 0 ? null : { gid: i % 2 ? '501' : '502', name: i % 2 ? 'Sanne' : 'Joris' },
  }));
}

export function asanaMock(opts: { tasks: MockAsanaTask[]; projectId?: string; token?: string }) {
  const projectId = opts.projectId ?? '1100';
  const token = opts.token ?? '2/1234/5678:abcdef';
  const sent: number[] = [];
  const offsets = new Map<string, number>();
  let seq = 0;
  const server = createServer((url, headers) => {
    const now = server.now;
    while (sent.length && sent[0]! <= now - 60_000) sent.shift();
    sent.push(now);
    if (sent.length > 150) return json({ errors: [{ message: "You've made too many requests and hit a rate limit." }] }, 429, { 'Retry-After': '30' });
    if (headers.get('authorization') !== `Bearer ${token}`) return json({ errors: [{ message: 'Not Authorized' }] }, 401);
    const path = url.pathname.replace('/api/1.0', '');
    const q = url.searchParams;
    if (path === '/users/me') return json({ data: { gid: '9', name: 'Olga Owner', email: 'olga@example.org', resource_type: 'user' } });
    if (path === '/workspaces') return json({ data: [{ gid: '77', name: 'Office', resource_type: 'workspace' }], next_page: null });
    if (path === '/projects') return json({ data: [{ gid: projectId, name: 'Clients', resource_type: 'project' }], next_page: null });
    if (path !== '/tasks') return json({ errors: [{ message: 'Not found' }] }, 404);
    if (q.get('project') !== projectId) return json({ errors: [{ message: 'project: Not a recognized ID' }] }, 404);
    const since = q.get('modified_since') ? Date.parse(q.get('modified_since')!) : -Infinity;
    const offset = q.get('offset');
    const from = offset === null ? 0 : offsets.get(offset);
    if (from === undefined) return json({ errors: [{ message: 'offset: Your pagination token has expired.' }] }, 400);
    const limit = Number(q.get('limit') ?? 100);
    const matching = opts.tasks.filter((t) => t.modified >= since);
    const slice = matching.slice(from, from + limit);
    let next_page = null;
    if (from + limit < matching.length) {
      const token = `eyJ${++seq}`;
      offsets.set(token, from + limit);
      next_page = { offset: token, path: `/tasks?offset=${token}`, uri: `https://app.asana.com/api/1.0/tasks?offset=${token}` };
    }
    return json({
      data: slice.map((t) => ({
        gid: t.gid, resource_type: 'task', name: t.name, completed: t.completedAt !== null,
        completed_at: t.completedAt === null ? null : new Date(t.completedAt).toISOString(),
        modified_at: new Date(t.modified).toISOString(), due_on: t.dueOn, due_at: t.dueAt,
        assignee: t.assignee ? { ...t.assignee, resource_type: 'user' } : null,
        ...(t.actual === null ? {} : { actual_time_minutes: t.actual }),
        custom_fields: t.estimate === null ? [] : [{ gid: '31', name: 'Estimated time', resource_subtype: 'number', number_value: t.estimate, asana_created_field: 'estimated_time', format: 'duration', display_value: `${t.estimate}m` }],
      })),
      next_page,
    });
  });
  /** Every offset handed out so far stops working, as Asana's do after a while. */
  const expireOffsets = () => offsets.clear();
  return Object.assign(server, { token, projectId, expireOffsets });
}
