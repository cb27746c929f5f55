// The built-in categories and their per-task counters, as the panel shows them. The counters come
// from the same zod-free list as the KPI engine's templates (lib/kpi/counters.ts).
import { t, type MessageKey } from '@/lib/text/i18n';
import { BUILTIN_COUNTERS, parseCounter } from '@/lib/kpi/counters';
import type { CategoryOption } from './Panel';

export function builtinCategories(): CategoryOption[] {
  return Object.entries(BUILTIN_COUNTERS).map(([id, counters]) => ({
    id,
    label: t(`category_${id}` as MessageKey),
    counters: counters.map((spec: string) => {
      const { id: counter, yesNo } = parseCounter(spec);
      return { id: counter, label: t(`panel_counter_${counter}` as MessageKey), yesNo };
    }),
  }));
}
