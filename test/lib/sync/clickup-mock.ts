// A ClickUp API v2 of our own making: GET /user, /team, spaces, folders, lists, and a list's tasks
// 100 a page with `date_updated_gt`, `include_closed`; the documented shapes (timestamps and
// numbers as strings), its 100-per-minute limit with X-RateLimit-Reset, and its error bodies.
import { createServer, json } from './mock';

export interface MockClickUpTask { id: string; name: string; updated: number; closed: number | null; due: number | null; estimate: number | null; spent: number | null; assignee: { id: number; username: string } | null }

export function clickupTasks(n: number, start = Date.parse('2026-11-01T08:00:00.000Z')): MockClickUpTask[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `86c${i.toString(36).padStart(5, '0')}`,
    name: `Task ${i}`,
    updated: start + i * 60_000,
    closed: i % 3 === 0 ? start + i * 60_000 : null,
    due: i % 2 === 0 ? start + i * 60_000 + 3_600_000 : null,
    estimate: i % 4 === 0 ? 3_600_000 : null,
    spent: i % 4 === 0 ? 5_400_000 : null,
    assignee: i % 5 === 0 ? null : { id: 81_000 + (i % 2), username: i % 2 ? 'Sanne' : 'Joris' },
  }));
}

export function clickupMock(opts: { token?: string; tasks: MockClickUpTask[]; listId?: string; limit?: number }) {
  const token = opts.token ?? 'pk_81000_SECRET';
  const listId = opts.listId ?? '901';
  const limit = opts.limit ?? 100;
  const sent: number[] = [];
  const server = createServer((url, headers) => {
    const now = server.now;
    while (sent.length && sent[0]! <= now - 60_000) sent.shift();
    sent.push(now);
    if (sent.length > limit) {
      return json({ err: 'Rate limit reached', ECODE: 'APP_002' }, 429, { 'X-RateLimit-Reset': String(Math.ceil((sent[0]! + 60_000) / 1000)) });
    }
    if (headers.get('authorization') !== token) return json({ err: 'Token invalid', ECODE: 'OAUTH_019' }, 401);
    const path = url.pathname.replace('/api/v2', '');
    if (path === '/user') return json({ user: { id: 81000, username: 'Owner Olga', email: 'olga@example.org', color: '#fff', profilePicture: null } });
    if (path === '/team') return json({ teams: [{ id: '9012', name: 'Office', color: '#000', avatar: null, members: [] }] });
    if (path === '/team/9012/space') return json({ spaces: [{ id: '77', name: 'Ops' }] });
    if (path === '/space/77/folder') return json({ folders: [{ id: '55', name: 'Clients', lists: [{ id: '902', name: 'Backlog' }] }] });
    if (path === '/space/77/list') return json({ lists: [{ id: listId, name: 'Inbox' }] });
    const m = /^\/list\/([^/]+)\/task$/.exec(path);
    if (!m) return new Response('<html><body>Cannot GET</body></html>', { status: 404, headers: { 'content-type': 'text/html' } });
    if (m[1] !== listId) return json({ err: 'List not found', ECODE: 'ITEM_013' }, 404);
    const page = Number(url.searchParams.get('page') ?? 0);
    const since = Number(url.searchParams.get('date_updated_gt') ?? -1);
    const closed = url.searchParams.get('include_closed') === 'true';
    const matching = opts.tasks.filter((t) => t.updated > since && (closed || t.closed === null));
    const slice = matching.slice(page * 100, page * 100 + 100);
    return json({
      tasks: slice.map((t) => ({
        id: t.id, custom_id: null, name: t.name, text_content: '', description: '',
        status: t.closed ? { status: 'complete', color: '#6bc950', type: 'closed', orderindex: 2 } : { status: 'to do', color: '#d3d3d3', type: 'open', orderindex: 0 },
        orderindex: '1.0', date_created: String(t.updated - 1000), date_updated: String(t.updated),
        date_closed: t.closed ? String(t.closed) : null, date_done: t.closed ? String(t.closed) : null, archived: false,
        creator: { id: 81000, username: 'Owner Olga', color: '', email: 'olga@example.org', profilePicture: null },
        assignees: t.assignee ? [{ ...t.assignee, color: '#123', initials: 'S', email: `${t.assignee.username.toLowerCase()}@example.org`, profilePicture: null }] : [],
        group_assignees: [], watchers: [], checklists: [], tags: [], parent: null, top_level_parent: null, priority: null,
        due_date: t.due ? String(t.due) : null, start_date: null, points: null,
        time_estimate: t.estimate === null ? null : String(t.estimate), // the spec's example sends a string
        ...(t.spent === null ? {} : { time_spent: t.spent }), // only present with time entries
        custom_fields: [], dependencies: [], linked_tasks: [], locations: [], team_id: '9012',
        url: `https://app.clickup.com/t/${t.id}`, permission_level: 'create',
        list: { id: listId, name: 'Inbox', access: true }, project: { id: '1', name: 'hidden', hidden: true, access: true },
        folder: { id: '1', name: 'hidden', hidden: true, access: true }, space: { id: '77' },
      })),
      last_page: (page + 1) * 100 >= matching.length,
    });
  });
  return Object.assign(server, { token, listId });
}
