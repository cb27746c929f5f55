// Tells the owner when the board page in the active tab was not recognised, so a missing panel
// is explained instead of silent. The content script reports it; the background stores it per tab.
import { PLATFORM_REGISTRY } from '@/lib/platforms/registry';
import { t } from '@/lib/text/i18n';
import { pageStatusItem } from '@/lib/storage/items';
import { statusApplies, type PageStatus } from '@/lib/storage/page-status';
import { useAsync } from '../useAsync';

async function activeTabStatus(): Promise<PageStatus | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  const status = await pageStatusItem(tab.id).getValue();
  return statusApplies(status, tab.url) ? status : null;
}

export function PageStatusNotice() {
  const { data: status } = useAsync(activeTabStatus);
  if (!status || status.recognised) return null;
  const platform = t(PLATFORM_REGISTRY[status.platform].nameKey);
  return (
    <div class="card" role="status" data-testid="page-status">
      <strong>{t('panel_pageNotRecognised', platform)}</strong>
      <p class="muted" style={{ margin: '.3em 0 0' }}>{t('panel_pageNotRecognisedBody', platform)}</p>
    </div>
  );
}
