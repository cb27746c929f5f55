// Which VA is a board member? A VA's identities name the members that are them on each platform.
// Pure, type-only imports: the content script proposes the VA from the card's members with it.
import type { Assignee, Identity, Platform, Va } from '.';

/** Member ids decide when both sides know them; otherwise the display name (case-insensitive). */
export function isMember(identity: Identity, platform: Platform, member: Assignee): boolean {
  if (identity.platform !== platform) return false;
  if (identity.memberId && member.id) return identity.memberId === member.id;
  return identity.name.trim().toLowerCase() === member.name.trim().toLowerCase();
}

/** The first active VA who is one of the task's members, or null. */
export function proposeVa(vas: readonly Va[], platform: Platform, members: readonly Assignee[]): Va | null {
  for (const member of members) {
    const va = vas.find((v) => !v.archived && v.identities.some((i) => isMember(i, platform, member)));
    if (va) return va;
  }
  return null;
}

/** Members no VA claims yet: candidates for the one-click "this member is …" mapping. */
export function unmappedMembers(vas: readonly Va[], platform: Platform, members: readonly Assignee[]): Assignee[] {
  return members.filter((m) => !vas.some((v) => v.identities.some((i) => isMember(i, platform, m))));
}

export function identityOf(platform: Platform, member: Assignee): Identity {
  return { platform, memberId: member.id, name: member.name };
}
