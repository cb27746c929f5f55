// Trello's REST client for board sync (shared/reference/trello-api.md), with an API key + token
// sent in the Authorization header, never in the URL. A full run reads the board's cards 1,000 a
// page (newest first, `before` the last id) and then the newest 1,000 card updates, whose dates
// are the completion times (a card has no completion field). An incremental run asks for the
// board's actions since the last one seen: none is one request; a few changed cards are fetched
// one by one, many (or a full page of actions) mean the card pages again.
import { z } from 'zod';
import { parseBody } from '../../sync/parse';
import { SyncError, type BoardRef, type BoardTask, type Http, type PageResult, type SyncSource } from '../../sync/types';
import { TRELLO } from './facts';

const API = 'https://api.trello.com/1';
const CARD_PAGE = 1000;
const ACTION_PAGE = 1000;
/** More changed cards than this are cheaper to read as card pages than one request each. */
const FETCH_ONE_BY_ONE = 20;
const CARD_QUERY = 'fields=name,shortLink,due,dueComplete,dateLastActivity,idBoard&members=true&member_fields=fullName,username';
const ACTION_TYPES = 'createCard,updateCard,deleteCard,copyCard,moveCardToBoard,moveCardFromBoard,addMemberToCard,removeMemberFromCard';

const Instant = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not a date');
const Card = z.object({
  id: z.string().min(1),
  shortLink: z.string().regex(/^[A-Za-z0-9]{1,40}$/),
  name: z.string(),
  due: Instant.nullish(),
  dueComplete: z.boolean().nullish(),
  dateLastActivity: Instant.nullish(),
  idBoard: z.string().optional(),
  members: z.array(z.object({ id: z.string(), fullName: z.string().nullish(), username: z.string().nullish() })).nullish(),
});
const Action = z.object({
  id: z.string().min(1),
  type: z.string(),
  date: Instant,
  data: z.object({
    card: z.object({ id: z.string(), shortLink: z.string().optional(), dueComplete: z.boolean().optional() }).optional(),
    old: z.record(z.string(), z.unknown()).optional(),
  }).loose(),
});

export type TrelloState =
  | { phase: 'cards'; full: boolean; before: string | null; since: string | null }
  /** `since`: an action or card id (ids grow with time); on a full run, the newest card's. */
  | { phase: 'actions'; full: boolean; since: string | null }
  | { phase: 'changed'; ids: string[]; since: string };

const iso = (v: string | null | undefined) => (v ? new Date(v).toISOString() : null);

export function cardToTask(card: z.infer<typeof Card>, board: BoardRef): BoardTask {
  return {
    taskId: card.shortLink,
    title: card.name.slice(0, 2000),
    url: TRELLO.taskUrl(card.shortLink),
    board: board.name.slice(0, 500) || null,
    assignees: (card.members ?? []).slice(0, 100).map((m) => ({ id: m.id, name: (m.fullName || m.username || m.id).slice(0, 200) })),
    dueAt: iso(card.due),
    doneAt: card.dueComplete ? iso(card.dateLastActivity) : null,
    doneAtApprox: card.dueComplete === true,
    estimateMinutes: null,
    trackedMinutes: null,
  };
}

/** Completion times in the actions: the newest "marked complete" per card, newest first as Trello sends them. */
function doneTimesOf(actions: z.infer<typeof Action>[]) {
  const seen = new Set<string>();
  const out: { taskId: string; doneAt: string }[] = [];
  for (const a of actions) {
    const card = a.data.card;
    if (a.type !== 'updateCard' || !card?.shortLink || a.data.old?.dueComplete === undefined || card.dueComplete !== true) continue;
    if (seen.has(card.shortLink)) continue;
    seen.add(card.shortLink);
    out.push({ taskId: card.shortLink, doneAt: new Date(a.date).toISOString() });
  }
  return out;
}

export const trelloSource: SyncSource<TrelloState> = {
  platform: 'trello',
  rateLimit: { max: 100, windowMs: 10_000 }, // per token; the key allows 300
  connect: { parts: ['key', 'token'], stepsKey: 'sync_stepsTrello', tokenUrl: 'https://trello.com/power-ups/admin', fullHelpKey: 'sync_fullHelpTrello' },
  authHeaders(credential) {
    // The owner's API key and token, stored as `key:token`.
    const [key = '', token = ''] = credential.split(':');
    return { Authorization: `OAuth oauth_consumer_key="${key}", oauth_token="${token}"` };
  },
  begin: (_board, watermark) => (watermark === null
    ? { phase: 'cards', full: true, before: null, since: null }
    : { phase: 'actions', full: false, since: watermark }),
  async page(http: Http, board, state): Promise<PageResult<TrelloState>> {
    const boardPath = `${API}/boards/${encodeURIComponent(board.id)}`;
    if (state.phase === 'cards') {
      const before = state.before ? `&before=${state.before}` : '';
      const cards = parseBody(z.array(Card), await http.get(`${boardPath}/cards/all?${CARD_QUERY}&limit=${CARD_PAGE}${before}`), 'cards');
      const tasks = cards.map((c) => cardToTask(c, board));
      // Any action after a card was made has a larger id than the card: on a full run the newest
      // card's id is a watermark even for a board with no actions yet.
      const newest = state.full ? cards.reduce<string | null>((a, c) => (a === null || c.id > a ? c.id : a), state.since) : state.since;
      if (cards.length === CARD_PAGE) {
        const oldest = cards.reduce((a, c) => (c.id < a ? c.id : a), cards[0]!.id);
        return { tasks, next: { ...state, before: oldest, since: newest } };
      }
      // A full run goes on to the completion times; an incremental one has its watermark already.
      return state.full
        ? { tasks, next: { phase: 'actions', full: true, since: newest } }
        : { tasks, next: null, watermark: state.since };
    }
    if (state.phase === 'actions') {
      // A full run reads the newest page of actions whatever their age (their completion times).
      const since = state.since && !state.full ? `&since=${state.since}` : '';
      const actions = parseBody(z.array(Action), await http.get(`${boardPath}/actions?filter=${ACTION_TYPES}&limit=${ACTION_PAGE}${since}`), 'actions');
      const watermark = actions.reduce<string | null>((a, x) => (a === null || x.id > a ? x.id : a), state.since);
      const doneTimes = doneTimesOf(actions);
      if (state.full || actions.length === 0) return { tasks: [], doneTimes, next: null, watermark };
      const removed = new Set<string>();
      const changed = new Set<string>();
      for (const a of actions) {
        const link = a.data.card?.shortLink;
        if ((a.type === 'deleteCard' || a.type === 'moveCardFromBoard') && link) removed.add(link);
        else if (a.data.card) changed.add(a.data.card.id);
      }
      if (actions.length === ACTION_PAGE || changed.size > FETCH_ONE_BY_ONE) {
        return { tasks: [], doneTimes, removed: [...removed], next: { phase: 'cards', full: false, before: null, since: watermark } };
      }
      const ids = [...changed];
      return ids.length === 0
        ? { tasks: [], doneTimes, removed: [...removed], next: null, watermark }
        : { tasks: [], doneTimes, removed: [...removed], next: { phase: 'changed', ids, since: watermark! } };
    }
    const [id, ...rest] = state.ids;
    const next = rest.length ? { ...state, ids: rest } : null;
    try {
      const card = parseBody(Card, await http.get(`${API}/cards/${encodeURIComponent(id!)}?${CARD_QUERY}`), 'card');
      // Moved to a board that is not this one: it left this board.
      if (card.idBoard && card.idBoard !== board.id) return { tasks: [], removed: [card.shortLink], next, watermark: state.since };
      return { tasks: [cardToTask(card, board)], next, watermark: state.since };
    } catch (e) {
      if (e instanceof SyncError && e.kind === 'notFound') return { tasks: [], next, watermark: state.since }; // deleted since
      throw e;
    }
  },
  async accountName(http) {
    const me = parseBody(z.object({ fullName: z.string().nullish(), username: z.string() }), await http.get(`${API}/members/me?fields=fullName,username`), 'member');
    return me.fullName || me.username;
  },
  async listBoards(http) {
    const boards = parseBody(z.array(z.object({ id: z.string(), name: z.string() })), await http.get(`${API}/members/me/boards?filter=open&fields=name`), 'boards');
    return boards.map((b) => ({ platform: 'trello' as const, id: b.id, name: b.name }));
  },
};
