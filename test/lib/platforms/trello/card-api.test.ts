import { describe, expect, it, vi } from 'vitest';
import { cardApiUrl, fetchCard, mergeCard, parseCard } from '@/lib/platforms/trello/card-api';
import type { CardSnapshot } from '@/lib/platforms/trello/page';

const body = {
  id: '6740a1b2c3d4e5f607182930', shortLink: 'AbCd1234', name: 'Offertes opvolgen', due: '2026-11-30T16:00:00.000Z',
  dueComplete: false, idMembers: ['5f0c1d2e3a4b5c6d7e8f9012'], url: 'https://trello.com/c/AbCd1234/12-offertes-opvolgen',
  members: [{ id: '5f0c1d2e3a4b5c6d7e8f9012', fullName: 'Sanne de Vries', username: 'sannedevries' }],
  board: { id: '6740a1b2c3d4e5f607180000', name: 'Kantoor' },
};

const fromPage: CardSnapshot = {
  task: {
    key: 'trello:AbCd1234', platform: 'trello', taskId: 'AbCd1234', title: 'Offertes opvolgen', url: 'https://trello.com/c/AbCd1234',
    board: 'Kantoor', assignees: [{ id: null, name: 'Sanne de Vries' }], dueAt: '2026-11-30', doneAt: null,
    nativeEstimateMinutes: null, nativeTrackedMinutes: null,
  },
  complete: false,
};

const jsonResponse = (data: unknown, status = 200) => new Response(JSON.stringify(data), {
  status, headers: { 'content-type': 'application/json; charset=utf-8' },
});

describe('parseCard', () => {
  it('reads member ids, the exact due time and the board', () => {
    expect(parseCard(body)).toEqual({
      shortLink: 'AbCd1234', name: 'Offertes opvolgen', due: '2026-11-30T16:00:00.000Z', dueComplete: false,
      members: [{ id: '5f0c1d2e3a4b5c6d7e8f9012', name: 'Sanne de Vries' }], board: 'Kantoor',
    });
  });

  it.each([
    ['not an object', 'invalid token'],
    ['no shortLink', { ...body, shortLink: undefined }],
    ['a due that is no date', { ...body, due: 'tomorrow' }],
    ['members that are not a list', { ...body, members: { id: 'x' } }],
    ['a member without id', { ...body, members: [{ fullName: 'Sanne' }] }],
    ['dueComplete as text', { ...body, dueComplete: 'yes' }],
  ])('refuses a body with %s', (_, bad) => expect(parseCard(bad)).toBeNull());
});

describe('mergeCard', () => {
  it('lets the API add member ids and the due time to what the page showed', () => {
    const merged = mergeCard(fromPage, parseCard({ ...body, dueComplete: true })!);
    expect(merged.task.assignees).toEqual([{ id: '5f0c1d2e3a4b5c6d7e8f9012', name: 'Sanne de Vries' }]);
    expect(merged.task.dueAt).toBe('2026-11-30T16:00:00.000Z');
    expect(merged.complete).toBe(true);
    expect(merged.task.key).toBe('trello:AbCd1234');
  });
});

describe('fetchCard', () => {
  it('asks trello.com with the session cookie and no token', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(body));
    const facts = await fetchCard('AbCd1234', new AbortController().signal, fetchImpl as typeof fetch);
    expect(facts?.members[0]?.id).toBe('5f0c1d2e3a4b5c6d7e8f9012');
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(cardApiUrl('AbCd1234'));
    expect(url.startsWith('https://trello.com/1/cards/AbCd1234?')).toBe(true);
    expect(url).not.toMatch(/token|key=/);
    expect(init.credentials).toBe('include');
  });

  it.each([
    ['a 401 in plain text', async () => new Response('unauthorized card permission requested', { status: 401, headers: { 'content-type': 'text/plain' } })],
    ['a login page', async () => new Response('<html>Log in</html>', { status: 200, headers: { 'content-type': 'text/html' } })],
    ['another card', async () => jsonResponse({ ...body, shortLink: 'ZzZz9999' })],
    ['a network error', async () => { throw new TypeError('Failed to fetch'); }],
    ['malformed JSON', async () => new Response('{', { headers: { 'content-type': 'application/json' } })],
  ])('gives nothing on %s, so the page data stands', async (_, impl) => {
    expect(await fetchCard('AbCd1234', new AbortController().signal, vi.fn(impl) as typeof fetch)).toBeNull();
  });
});
