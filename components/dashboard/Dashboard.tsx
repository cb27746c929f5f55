import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { t } from '@/lib/text/i18n';
import { BoardsPage } from './BoardsPage';
import { DataPage } from './DataPage';
import { SettingsPage } from './SettingsPage';
import { TargetsPage } from './TargetsPage';
import { VasPage } from './VasPage';

interface Section { id: string; label: () => string; Page: ComponentType }

/** One entry per dashboard section; the URL hash (`#targets`) picks one, so links can deep-link. */
const SECTIONS: Section[] = [
  { id: 'vas', label: () => t('navVas'), Page: VasPage },
  { id: 'boards', label: () => t('sync_nav'), Page: BoardsPage },
  { id: 'targets', label: () => t('navTargets'), Page: TargetsPage },
  { id: 'settings', label: () => t('navSettings'), Page: SettingsPage },
  { id: 'data', label: () => t('data_nav'), Page: DataPage },
];

const fromHash = () => SECTIONS.find((s) => `#${s.id}` === location.hash) ?? SECTIONS[0]!;

export function Dashboard() {
  const [section, setSection] = useState(fromHash);
  useEffect(() => {
    const onHash = () => setSection(fromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const { Page } = section;
  return (
    <div class="dashboard">
      <header class="dashboard-header">
        <h1>{t('dashboardTitle')}</h1>
        <nav aria-label={t('dashboardTitle')}>
          <ul class="row" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} class={s === section ? 'button primary' : 'button'} aria-current={s === section ? 'page' : undefined}>
                  {s.label()}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main><Page /></main>
    </div>
  );
}
