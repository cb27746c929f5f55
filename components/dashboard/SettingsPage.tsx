import { useState } from 'preact/hooks';
import { t } from '@/lib/text/i18n';
import type { Settings } from '@/lib/model';
import { getSettings, saveSettings } from '@/lib/storage/settings';
import { useAsync } from '../useAsync';

export function SettingsPage() {
  const { data } = useAsync(getSettings);
  return (
    <section class="stack" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      {data && <SettingsForm initial={data} />}
    </section>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const [tolerance, setTolerance] = useState(String(Math.round(initial.tolerance * 100)));
  const [ownerValue, setOwnerValue] = useState(initial.ownerHourlyValue?.toString() ?? '');
  const [currency, setCurrency] = useState(initial.currency);
  const [csvDelimiter, setCsvDelimiter] = useState(initial.csvDelimiter);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const num = (s: string) => Number(s.replace(',', '.'));

  async function submit(e: Event) {
    e.preventDefault();
    try {
      await saveSettings({
        tolerance: num(tolerance) / 100,
        ownerHourlyValue: ownerValue.trim() === '' ? null : num(ownerValue),
        currency: currency.toUpperCase(),
        csvDelimiter,
      });
      setMessage({ ok: true, text: t('settingsSaved') });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <form class="card stack" onSubmit={submit}>
      <label>{t('settingsTolerance')}
        <input name="tolerance" inputMode="decimal" size={5} value={tolerance} onInput={(e) => setTolerance(e.currentTarget.value)} aria-describedby="tolerance-help" />
      </label>
      <p id="tolerance-help" class="muted">{t('settingsToleranceHelp')}</p>
      <label>{t('settingsOwnerValue')}
        <input name="ownerHourlyValue" inputMode="decimal" size={8} value={ownerValue} onInput={(e) => setOwnerValue(e.currentTarget.value)} aria-describedby="owner-help" />
      </label>
      <p id="owner-help" class="muted">{t('settingsOwnerValueHelp')}</p>
      <label>{t('settingsCurrency')}
        <input name="currency" size={4} maxLength={3} value={currency} onInput={(e) => setCurrency(e.currentTarget.value)} />
      </label>
      <label>{t('settingsCsvDelimiter')}
        <select name="csvDelimiter" value={csvDelimiter} onChange={(e) => setCsvDelimiter(e.currentTarget.value as Settings['csvDelimiter'])}>
          <option value="auto">{t('settingsCsvAuto')}</option>
          <option value=",">{t('settingsCsvComma')}</option>
          <option value=";">{t('settingsCsvSemicolon')}</option>
        </select>
      </label>
      <div class="row"><button type="submit" class="primary">{t('settingsSave')}</button>
        {message && <span role="status" class={message.ok ? 'muted' : 'error'}>{message.text}</span>}</div>
    </form>
  );
}
