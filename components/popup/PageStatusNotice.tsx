// Tells the owner when the board page in the active tab was not recognised, so a missing panel
// is explained instead of silent. The content script reports it; the background stores it per tab.
import { storage } from 'wxt/utils/storage';
import { pageStatusKey } from '@/lib/background/handlers';
import { t, type MessageKey } from '@/lib/i18n';
import type { Platform } from '@/lib/model';
import { useAsync } from '../useAsync';

interface PageStatus { platform: Platform; recognised: boolean; url: string | null }

async function activeTabStatus(): Promise<PageStatus | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : storage.getItem<PageStatus>(pageStatusKey(tab.id));
}

export function PageStatusNotice() {
  const { data: status } = useAsync(activeTabStatus);
  if (!status || status.recognised) return null;
  const platform = t(`platform_${status.platform}` as MessageKey);
  return (
    <div class="card" role="status" data-testid="page-status">
      <strong>{t('panel_pageNotRecognised', platform)}</strong>
      <p class="muted" style={{ margin: '.3em 0 0' }}>{t('panel_pageNotRecognisedBody', platform)}</p>
    </div>
  );
}
