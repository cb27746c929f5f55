import { listVas } from '@/lib/db';
import { t } from '@/lib/i18n';
import { useAsync } from '../useAsync';
import { PageStatusNotice } from './PageStatusNotice';

export function Popup() {
  const { data: vas, error } = useAsync(() => listVas());
  const dashboardUrl = browser.runtime.getURL('/dashboard.html');
  return (
    <div style={{ width: '380px', padding: '.8rem 1rem' }} class="stack">
      <header class="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h1 style={{ margin: 0 }}>{t('popupTitle')}</h1>
        <a href={dashboardUrl} target="_blank">{t('openDashboard')}</a>
      </header>
      <PageStatusNotice />
      {error && <p class="error" role="alert">{t('errorGeneric', error)}</p>}
      {!vas && !error && <p class="muted">{t('loading')}</p>}
      {vas?.length === 0 && (
        <div class="empty" data-testid="popup-empty">
          <h2>{t('popupEmptyTitle')}</h2>
          <p>{t('popupEmptyBody')}</p>
          <a class="button primary" href={dashboardUrl} target="_blank">{t('popupAddFirstVa')}</a>
        </div>
      )}
      {vas && vas.length > 0 && (
        <ul class="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="popup-vas">
          {vas.map((va) => <li key={va.id} class="card"><strong class="va-name">{va.name}</strong></li>)}
        </ul>
      )}
    </div>
  );
}
