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

/** A built-in label is a message key (`t(key)`); a user's label is shown as typed. */
export type Label = { key: string } | { text: string };

export interface CounterTemplate {
  id: string;
  label: Label;
  /** Yes/no counters hold 1 or 0. */
  yesNo?: boolean;
}

/** A built-in category's counters with their labels' message keys (`'toolsUpToDate?'` is a yes/no counter). */
export function builtinCounters(category: BuiltinCategoryId): (CounterTemplate & { label: { key: string } })[] {
  return BUILTIN_COUNTERS[category].map((spec: string) => {
    const yesNo = spec.endsWith('?');
    const id = yesNo ? spec.slice(0, -1) : spec;
    return { id, label: { key: `panel_counter_${id}` }, ...(yesNo && { yesNo }) };
  });
}
