import { useState } from 'preact/hooks';
import { db, listVas } from '@/lib/db';
import { deleteTarget, saveTarget } from '@/lib/db/writes';
import { KPI_UNITS, displayKpi, kpiLabel, targetInputToValue } from '@/lib/text/format';
import { t } from '@/lib/text/i18n';
import { BUILTIN_CATEGORIES, KPI_NAMES, type KpiName, type Target } from '@/lib/model';
import { useAsync } from '../useAsync';

/** Targets are what the popup and the review mark as met / not met. */
export function TargetsPage() {
  const { data, error, reload } = useAsync(async () => {
    const [targets, vas, custom] = await Promise.all([db.targets.toArray(), listVas(undefined, { includeArchived: true }), db.categories.toArray()]);
    const categories = [
      ...BUILTIN_CATEGORIES.map((id) => ({ id, name: t(`category_${id}`) })),
      ...custom.map((c) => ({ id: c.id, name: c.name })),
    ];
    return { targets, vas, categories };
  });

  const scopeText = (target: Target) => {
    const s = target.scope;
    if (s.kind === 'global') return t('targetScopeGlobal');
    if (s.kind === 'category') return t('targetScopeCategory', data?.categories.find((c) => c.id === s.category)?.name ?? s.category);
    return t('targetScopeVa', data?.vas.find((v) => v.id === s.vaId)?.name ?? '?');
  };

  return (
    <section class="stack" aria-labelledby="targets-heading">
      <h2 id="targets-heading">{t('targetsHeading')}</h2>
      <p class="muted">{t('targetsIntro')}</p>
      {error && <p class="error" role="alert">{t('errorGeneric', error)}</p>}
      {data?.targets.length === 0 && <p class="empty">{t('targetsEmpty')}</p>}
      <ul class="stack" style={{ listStyle: 'none', padding: 0 }} data-testid="target-list">
        {data?.targets.map((target) => {
          const text = `${kpiLabel(target.kpi)} ${target.op === '>=' ? t('targetOpAtLeast') : t('targetOpAtMost')} ${displayKpi(target.kpi, target.value)} · ${scopeText(target)}`;
          return (
            <li key={target.id} class="card row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
              <span>{text}</span>
              <button type="button" aria-label={t('targetRemoveNamed', text)} onClick={() => deleteTarget(target.id).then(reload)}>
                {t('targetRemove')}
              </button>
            </li>
          );
        })}
      </ul>
      {data && <TargetForm vas={data.vas.filter((v) => !v.archived)} categories={data.categories} onAdded={reload} />}
    </section>
  );
}

function TargetForm({ vas, categories, onAdded }: {
  vas: { id: string; name: string }[]; categories: { id: string; name: string }[]; onAdded: () => void;
}) {
  const [kpi, setKpi] = useState<KpiName>('onTimeRate');
  const [scope, setScope] = useState('global');
  const [op, setOp] = useState<'>=' | '<='>('>=');
  const [value, setValue] = useState('90');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    const [kind, id] = scope.split(':');
    try {
      await saveTarget({
        kpi, op,
        value: targetInputToValue(kpi, Number(value.replace(',', '.'))),
        scope: kind === 'category' ? { kind, category: id! } : kind === 'va' ? { kind, vaId: id! } : { kind: 'global' },
      }, t('targetsHeading'));
      setError(null);
      onAdded();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form class="card row" onSubmit={submit}>
      <label>{t('targetKpi')}
        <select name="kpi" value={kpi} onChange={(e) => setKpi(e.currentTarget.value as KpiName)}>
          {KPI_NAMES.map((k) => <option key={k} value={k}>{kpiLabel(k)}</option>)}
        </select>
      </label>
      <label>{t('targetScope')}
        <select name="scope" value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
          <option value="global">{t('targetScopeGlobal')}</option>
          {categories.map((c) => <option key={c.id} value={`category:${c.id}`}>{t('targetScopeCategory', c.name)}</option>)}
          {vas.map((v) => <option key={v.id} value={`va:${v.id}`}>{t('targetScopeVa', v.name)}</option>)}
        </select>
      </label>
      <label>{t('targetOp')}
        <select name="op" value={op} onChange={(e) => setOp(e.currentTarget.value as '>=' | '<=')}>
          <option value=">=">{t('targetOpAtLeast')}</option>
          <option value="<=">{t('targetOpAtMost')}</option>
        </select>
      </label>
      <label>{KPI_UNITS[kpi] === 'rate' ? t('targetValuePercent') : t('targetValue')}
        <input name="value" inputMode="decimal" required size={6} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">{t('targetAdd')}</button>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
