import { describe, expect, it } from 'vitest';
import { identityOf, proposeVa, unmappedMembers } from '@/lib/model/va-match';
import type { Va } from '@/lib/model';

const at = '2026-11-01T00:00:00.000Z';
const va = (id: string, name: string, identities: Va['identities'], archived = false): Va => ({
  id, name, hourlyRate: null, currency: 'EUR', identities, archived, createdAt: at, updatedAt: at,
});
const sanne = va('va-1', 'Sanne', [{ platform: 'trello', memberId: null, name: 'Sanne de Vries' }]);
const joost = va('va-2', 'Joost', [{ platform: 'trello', memberId: 'm-joost', name: 'Joost P.' }]);
const asanaOnly = va('va-3', 'Eva', [{ platform: 'asana', memberId: null, name: 'Joost Peeters' }]);

describe('proposing the VA from the card members', () => {
  it('matches a member mapped by name, whatever the case', () => {
    expect(proposeVa([sanne, joost], 'trello', [{ id: null, name: 'sanne de vries' }])?.id).toBe('va-1');
  });

  it('matches by member id once both sides know it, even when the name changed', () => {
    expect(proposeVa([sanne, joost], 'trello', [{ id: 'm-joost', name: 'Joost Peeters' }])?.id).toBe('va-2');
  });

  it('does not take a member of another platform, another id, or an archived VA', () => {
    expect(proposeVa([asanaOnly], 'trello', [{ id: null, name: 'Joost Peeters' }])).toBeNull();
    expect(proposeVa([joost], 'trello', [{ id: 'm-other', name: 'Joost P.' }])).toBeNull();
    expect(proposeVa([{ ...sanne, archived: true }], 'trello', [{ id: null, name: 'Sanne de Vries' }])).toBeNull();
  });

  it('lists the members no VA claims yet', () => {
    const members = [{ id: null, name: 'Sanne de Vries' }, { id: 'm-x', name: 'Kim' }];
    expect(unmappedMembers([sanne], 'trello', members)).toEqual([{ id: 'm-x', name: 'Kim' }]);
    expect(identityOf('trello', members[1]!)).toEqual({ platform: 'trello', memberId: 'm-x', name: 'Kim' });
  });
});
