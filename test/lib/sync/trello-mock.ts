// A Trello REST API of our own making: a board's cards (newest id first, `limit` ≤ 1000 and
// `before`), its actions (`since`, `limit`), one card, members/me; 100 requests per 10 s per token
// with the JSON 429 Trello sends, and its plain-text errors.
import { createServer, json, text } from './mock';

export interface MockCard { id: string; shortLink: string; name: string; due: string | null; dueComplete: boolean; dateLastActivity: string; idBoard: string; members: { id: string; fullName: string; username: string }[] }
export interface MockAction { id: string; type: string; date: string; data: Record<string, unknown> }

const hexId = (seconds: number, n: number) => seconds.toString(16).padStart(8, '0') + n.toString(16).padStart(16, '0');
const start = Date.parse('2026-11-01T08:00:00.000Z') / 1000;

export function trelloCards(n: number, idBoard = 'b0000000000000000000000a'): MockCard[] {
  return Array.from({ length: n }, (_, i) => ({
    id: hexId(start + i * 60, i),
    shortLink: `c${i.toString(36).padStart(7, '0')}`,
    name: `Card ${i}`,
    due: i % 2 === 0 ? new Date((start + i * 60 + 3600) * 1000).toISOString() : null,
    dueComplete: i % 3 === 0,
    dateLastActivity: new Date((start + i * 60 + 7200) * 1000).toISOString(),
    idBoard,
    members: i % 5 === 0 ? [] : [{ id: `m${i % 2}`, fullName: i % 2 ? 'Sanne de Vries' : 'Joris', username: i % 2 ? 'sanne' : 'joris' }],
  }));
}

export function trelloMock(opts: { cards: MockCard[]; actions?: MockAction[]; boardId?: string; key?: string; token?: string }) {
  const boardId = opts.boardId ?? 'b0000000000000000000000a';
  const key = opts.key ?? 'k'.repeat(32);
  const token = opts.token ?? `ATTA${'f'.repeat(60)}`;
  const actions = opts.actions ?? [];
  const sent: number[] = [];
  let seq = 1;
  const server = createServer((url, headers) => {
    const now = server.now;
    while (sent.length && sent[0]! <= now - 10_000) sent.shift();
    sent.push(now);
    if (sent.length > 100) return json({ error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' }, 429);
    if (headers.get('authorization') !== `OAuth oauth_consumer_key="${key}", oauth_token="${token}"`) return text('invalid token', 401);
    const path = url.pathname.replace(/^\/1/, '');
    const q = url.searchParams;
    if (path === '/members/me') return json({ id: 'owner', fullName: 'Olga Owner', username: 'olga' });
    if (path === '/members/me/boards') return json([{ id: boardId, name: 'Kantoor' }]);
    if (path === `/boards/${boardId}/cards/all`) {
      const limit = Math.min(Number(q.get('limit') ?? 1000), 1000);
      const before = q.get('before');
      const live = opts.cards.filter((c) => c.idBoard === boardId && (!before || c.id < before)).sort((a, b) => b.id.localeCompare(a.id));
      return json(live.slice(0, limit).map(({ idBoard, ...c }) => ({ ...c, idBoard, closed: false, idList: 'l1', badges: {}, labels: [] })));
    }
    if (path === `/boards/${boardId}/actions`) {
      const since = q.get('since');
      const limit = Math.min(Number(q.get('limit') ?? 50), 1000);
      return json(actions.filter((a) => !since || a.id > since).sort((a, b) => b.id.localeCompare(a.id)).slice(0, limit));
    }
    const card = /^\/cards\/([^/]+)$/.exec(path);
    if (card) {
      const found = opts.cards.find((c) => c.id === card[1] || c.shortLink === card[1]);
      return found ? json(found) : text('The requested resource was not found.', 404);
    }
    if (path.startsWith('/boards/')) return text('invalid id', 400);
    return text('Cannot GET', 404);
  });
  /** Records a board action, as Trello does when a card changes. */
  const act = (type: string, card: MockCard, old: Record<string, unknown> = {}) => {
    actions.push({ id: hexId(Math.floor(server.now / 1000), 0xf00000 + seq++), type, date: new Date(server.now).toISOString(), data: { card: { id: card.id, shortLink: card.shortLink, dueComplete: card.dueComplete }, old } });
  };
  return Object.assign(server, { credential: `${key}:${token}`, boardId, act, actions });
}
