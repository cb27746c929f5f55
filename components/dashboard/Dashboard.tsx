import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { t } from '@/lib/text/i18n';
import { BoardsPage } from './BoardsPage';
import { CategoriesPage } from './CategoriesPage';
import { DataPage } from './DataPage';
import { ImpactPage } from './ImpactPage';
import { ReviewPage } from './ReviewPage';
import { SettingsPage } from './SettingsPage';
import { TargetsPage } from './TargetsPage';
import { TrendsPage } from './TrendsPage';
import { VasPage } from './VasPage';
import type { SectionProps } from './section';

interface Section { id: string; label: () => string; Page: ComponentType<SectionProps> }

/** One entry per dashboard section; the URL hash (`#targets`) picks one, so links can deep-link. */
const SECTIONS: Section[] = [
  { id: 'vas', label: () => t('navVas'), Page: VasPage },
  { id: 'boards', label: () => t('sync_nav'), Page: BoardsPage },
  { id: 'review', label: () => t('navReview'), Page: ReviewPage },
  { id: 'trends', label: () => t('navTrends'), Page: TrendsPage },
  { id: 'impact', label: () => t('navImpact'), Page: ImpactPage },
  { id: 'targets', label: () => t('navTargets'), Page: TargetsPage },
  { id: 'categories', label: () => t('navCategories'), Page: CategoriesPage },
  { id: 'settings', label: () => t('navSettings'), Page: SettingsPage },
  { id: 'data', label: () => t('data_nav'), Page: DataPage },
];

const sectionOf = (hash: string) => SECTIONS.find((s) => s.id === hash.slice(1).split('?')[0]) ?? SECTIONS[0]!;

export function Dashboard() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const section = sectionOf(hash);
  const { Page } = section;
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
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
      <main><Page params={params} /></main>
    </div>
  );
}
