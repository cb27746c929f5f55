import { useState } from 'preact/hooks';
import { listVas } from '@/lib/db';
import { saveVa, setVaArchived } from '@/lib/db/writes';
import { PLATFORM_REGISTRY } from '@/lib/platforms/registry';
import { t } from '@/lib/text/i18n';
import type { Va } from '@/lib/model';
import { useAsync } from '../useAsync';

/** Add, edit and archive VAs. Archived VAs keep their ratings; they only leave the lists. */
export function VasPage() {
  const [showArchived, setShowArchived] = useState(false);
  const { data: vas, error, reload } = useAsync(() => listVas(undefined, { includeArchived: showArchived }), [showArchived]);
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <section class="stack" aria-labelledby="vas-heading">
      <h2 id="vas-heading">{t('vasHeading')}</h2>
      {error && <p class="error" role="alert">{t('errorGeneric', error)}</p>}
      <label class="row" style={{ flexDirection: 'row', alignItems: 'center' }}>
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
        {t('vaShowArchived')}
      </label>
      {vas && vas.length === 0 && <p class="empty">{t('vasEmpty')}</p>}
      <ul class="stack" style={{ listStyle: 'none', padding: 0 }} data-testid="va-list">
        {vas?.map((va) => (
          <li key={va.id} class="card" data-va-id={va.id}>
            {editing === va.id
              ? <VaForm va={va} onDone={() => { setEditing(null); reload(); }} />
              : <VaRow va={va} onEdit={() => setEditing(va.id)} onChanged={reload} />}
          </li>
        ))}
      </ul>
      <div class="card">
        <h3>{t('vaAddHeading')}</h3>
        <VaForm onDone={reload} />
      </div>
    </section>
  );
}

function VaRow({ va, onEdit, onChanged }: { va: Va; onEdit: () => void; onChanged: () => void }) {
  const rate = va.hourlyRate === null ? t('vaRateNone')
    : new Intl.NumberFormat(undefined, { style: 'currency', currency: va.currency }).format(va.hourlyRate);
  return (
    <div class="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
      <div>
        <strong class="va-name">{va.name}</strong> {va.archived && <span class="muted">({t('vaArchived')})</span>}
        <div class="muted">{rate}</div>
        <div class="muted">
          {t('vaIdentities')}: {va.identities.length === 0 ? t('vaNoIdentities')
            : va.identities.map((i) => `${t(PLATFORM_REGISTRY[i.platform].nameKey)}: ${i.name}`).join(', ')}
        </div>
      </div>
      <div class="row">
        <button type="button" onClick={onEdit}>{t('vaEdit')}</button>
        <button type="button" onClick={() => setVaArchived(va.id, !va.archived).then(onChanged)}>
          {va.archived ? t('vaUnarchive') : t('vaArchive')}
        </button>
      </div>
    </div>
  );
}

function VaForm({ va, onDone }: { va?: Va; onDone: () => void }) {
  const [name, setName] = useState(va?.name ?? '');
  const [rate, setRate] = useState(va?.hourlyRate?.toString() ?? '');
  const [currency, setCurrency] = useState(va?.currency ?? 'EUR');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    const hourlyRate = rate.trim() === '' ? null : Number(rate.replace(',', '.'));
    try {
      // Only what this form edits: the VA as loaded may be stale (a member mapped since in a board tab).
      await saveVa({ id: va?.id, name, hourlyRate, currency: currency.toUpperCase() });
      setError(null);
      if (!va) { setName(''); setRate(''); }
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form class="row" onSubmit={submit}>
      <label>{t('vaName')}<input name="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>
      <label>{t('vaHourlyRate')}<input name="hourlyRate" inputMode="decimal" value={rate} onInput={(e) => setRate(e.currentTarget.value)} /></label>
      <label>{t('vaCurrency')}<input name="currency" size={4} maxLength={3} value={currency} onInput={(e) => setCurrency(e.currentTarget.value)} /></label>
      <button type="submit" class="primary">{va ? t('vaSave') : t('vaAdd')}</button>
      {va && <button type="button" onClick={onDone}>{t('vaCancel')}</button>}
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
