// The built-in categories and their per-task counters, as the panel needs them. The KPI engine's
// templates (lib/kpi/categories.ts) are the source, but that module brings zod and the KPI code
// into the content script (~29 KB gzip, twice its budget), so the ids live here again and
// test/components/categories.test.ts fails the moment the two disagree.
import { t, type MessageKey } from '@/lib/i18n';
import type { CategoryOption } from './Panel';

/** `?` marks a yes/no counter (stored as 1 or 0). */
const BUILTIN: ReadonlyArray<readonly [id: string, counters: readonly string[]]> = [
  ['email', ['messagesHandled', 'answeredIn24h', 'handledCorrectly']],
  ['social', ['postsScheduled', 'engagement', 'newFollowers']],
  ['admin', ['invoicesMade', 'invoicesErrorFree', 'toolsUpToDate?']],
  ['creative', ['ideasProposed', 'ideasUsable', 'independentProposals']],
  ['other', []],
];

export function builtinCategories(): CategoryOption[] {
  return BUILTIN.map(([id, counters]) => ({
    id,
    label: t(`category_${id}` as MessageKey),
    counters: counters.map((c) => {
      const yesNo = c.endsWith('?');
      const counter = yesNo ? c.slice(0, -1) : c;
      return { id: counter, label: t(`panel_counter_${counter}` as MessageKey), yesNo };
    }),
  }));
}
