// The built-in categories and their per-task counters, as the panel shows them: the KPI engine's
// zod-free counter list (lib/kpi/counters.ts) with the labels put into words.
import { t, type MessageKey } from '@/lib/text/i18n';
import { BUILTIN_COUNTERS, builtinCounters, type BuiltinCategoryId } from '@/lib/kpi/counters';
import type { CategoryOption } from './Panel';

export function builtinCategories(): CategoryOption[] {
  return (Object.keys(BUILTIN_COUNTERS) as BuiltinCategoryId[]).map((id) => ({
    id,
    label: t(`category_${id}` as MessageKey),
    counters: builtinCounters(id).map((c) => ({ ...c, label: t(c.label.key as MessageKey) })),
  }));
}
