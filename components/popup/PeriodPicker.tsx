import { t, type MessageKey } from '@/lib/text/i18n';
import type { PeriodChoice } from '@/lib/kpi/periods';

const KINDS = ['thisMonth', 'lastMonth', 'last30', 'last90', 'custom'] as const;

export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (c: PeriodChoice) => void }) {
  const today = new Date().toLocaleDateString('sv'); // YYYY-MM-DD in local time
  return (
    <div class="row">
      <label>{t('periodLabel')}
        <select name="period" value={value.kind} onChange={(e) => {
          const kind = e.currentTarget.value as PeriodChoice['kind'];
          onChange(kind === 'custom' ? { kind, from: today.slice(0, 8) + '01', to: today } : { kind });
        }}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`period_${k}` as MessageKey)}</option>)}
        </select>
      </label>
      {value.kind === 'custom' && (
        <>
          <label>{t('periodFrom')}
            <input type="date" name="from" value={value.from} max={value.to} onChange={(e) => e.currentTarget.value && onChange({ ...value, from: e.currentTarget.value })} />
          </label>
          <label>{t('periodTo')}
            <input type="date" name="to" value={value.to} min={value.from} onChange={(e) => e.currentTarget.value && onChange({ ...value, to: e.currentTarget.value })} />
          </label>
        </>
      )}
    </div>
  );
}
