// The per-task counters of each built-in category (DESIGN.md, "Category templates"): the one list
// the KPI engine's templates and the panel both read. No imports, so the content script can take
// it without zod. A trailing `?` marks a yes/no counter, stored as 1 or 0.
export const BUILTIN_COUNTERS = {
  email: ['messagesHandled', 'answeredIn24h', 'handledCorrectly'],
  social: ['postsScheduled', 'engagement', 'newFollowers'],
  admin: ['invoicesMade', 'invoicesErrorFree', 'toolsUpToDate?'],
  creative: ['ideasProposed', 'ideasUsable', 'independentProposals'],
  other: [],
} as const satisfies Record<string, readonly string[]>;

export type BuiltinCategoryId = keyof typeof BUILTIN_COUNTERS;

/** `'toolsUpToDate?'` → `{ id: 'toolsUpToDate', yesNo: true }`. */
export function parseCounter(spec: string): { id: string; yesNo: boolean } {
  const yesNo = spec.endsWith('?');
  return { id: yesNo ? spec.slice(0, -1) : spec, yesNo };
}
