import { t } from '@/lib/i18n';
import { VasPage } from './VasPage';

export function Dashboard() {
  return (
    <div style={{ maxWidth: '960px', margin: '0 auto', padding: '1.5rem' }}>
      <header><h1>{t('dashboardTitle')}</h1></header>
      <main>
        <VasPage />
      </main>
    </div>
  );
}
