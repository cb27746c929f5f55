// A VA surviving a browser restart is a shared journey (test/journeys/), in both browsers.
import { afterEach, describe, expect, it } from 'vitest';
import { extensionUrl, launch, openPage, type Session } from './harness';

let session: Session | undefined;
afterEach(async () => { await session?.close(); session = undefined; });

describe('the production build in Chromium', () => {
  it('shows how to start when there is no VA yet', async () => {
    session = await launch();
    const popup = await openPage(session, extensionUrl(session, 'popup.html'));
    await expect.poll(() => popup.getByTestId('popup-empty').isVisible()).toBe(true);
    expect(await popup.getByRole('link', { name: 'Add your first VA' }).getAttribute('href')).toContain('/dashboard.html');
  });
});
