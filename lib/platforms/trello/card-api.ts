// Reads one card over Trello's REST API with the user's own trello.com session (no key, no token),
// as the Harvest extension does from its content script. It adds what the card dialog does not
// show: member ids and the exact due time. Checked by hand instead of zod (content-script size);
// anything unexpected is ignored and the page's data stands.
import type { Assignee } from '../../model';
import type { TaskSnapshot } from '../adapter';
import type { CardSnapshot } from './page';

const FIELDS = 'fields=name,due,dueComplete,idMembers,shortLink,url&members=true'
  + '&member_fields=fullName,username&board=true&board_fields=name';

export function cardApiUrl(shortLink: string): string {
  return `https://trello.com/1/cards/${shortLink}?${FIELDS}`; // shortLinks are [A-Za-z0-9]
}

export interface CardFacts {
  shortLink: string;
  name: string;
  due: string | null;
  dueComplete: boolean;
  members: Assignee[];
  board: string | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** The card's facts when `body` has the shape Trello documents, else null. */
export function parseCard(body: unknown): CardFacts | null {
  if (!isObject(body) || typeof body.shortLink !== 'string' || typeof body.name !== 'string') return null;
  const { due, dueComplete = false, members = [], board } = body;
  const dueTime = typeof due === 'string' ? Date.parse(due) : NaN;
  if ((due != null && Number.isNaN(dueTime)) || typeof dueComplete !== 'boolean' || !Array.isArray(members)) return null;
  const people: Assignee[] = [];
  for (const m of members as unknown[]) {
    if (!isObject(m) || typeof m.id !== 'string') return null;
    const name = String(m.fullName || m.username || '').trim().slice(0, 200);
    if (name) people.push({ id: m.id.slice(0, 200), name });
  }
  return {
    shortLink: body.shortLink,
    name: body.name,
    due: due == null ? null : new Date(dueTime).toISOString(),
    dueComplete,
    members: people.slice(0, 100),
    board: isObject(board) && typeof board.name === 'string' ? board.name : null,
  };
}

/** The API's facts win over what the page showed; page members stay if the API lists none. */
export function mergeCard(snapshot: TaskSnapshot, facts: CardFacts): CardSnapshot {
  const { task } = snapshot;
  return {
    task: {
      ...task,
      title: facts.name.trim().slice(0, 2000) || task.title,
      board: facts.board?.slice(0, 500) ?? task.board,
      assignees: facts.members.length > 0 || task.assignees.length === 0 ? facts.members : task.assignees,
      dueAt: facts.due,
    },
    complete: facts.dueComplete,
  };
}

/** Fetches with the page's own cookies; resolves null on any failure or a different card. */
export async function fetchCard(shortLink: string, signal: AbortSignal, fetchImpl: typeof fetch = fetch): Promise<CardFacts | null> {
  try {
    const res = await fetchImpl(cardApiUrl(shortLink), { credentials: 'include', signal });
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return null;
    const facts = parseCard(await res.json());
    return facts?.shortLink === shortLink ? facts : null;
  } catch {
    return null;
  }
}
