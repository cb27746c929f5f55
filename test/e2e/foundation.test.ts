import { afterEach, describe, expect, it } from 'vitest';
import { extensionUrl, launch, newProfileDir, openPage, type Session } from './harness';

let session: Session | undefined;
afterEach(async () => { await session?.close(); session = undefined; });

describe('the production build in Chromium', () => {
  it('shows how to start when there is no VA yet', async () => {
    session = await launch();
    const popup = await openPage(session, extensionUrl(session, 'popup.html'));
    await expect.poll(() => popup.getByTestId('popup-empty').isVisible()).toBe(true);
    expect(await popup.getByRole('link', { name: 'Add your first VA' }).getAttribute('href')).toContain('/dashboard.html');
  });

  it('keeps a VA added in the dashboard across a browser restart', async () => {
    const profile = newProfileDir();
    session = await launch(profile);
    const dash = await openPage(session, extensionUrl(session, 'dashboard.html'));
    await dash.getByLabel('Name').fill('Sanne de Vries');
    await dash.getByLabel('Hourly rate').fill('32,50');
    await dash.getByRole('button', { name: 'Add VA' }).click();
    await expect.poll(() => dash.locator('[data-testid=va-list] .va-name').allTextContents()).toEqual(['Sanne de Vries']);
    await session.close();

    session = await launch(profile);
    const popup = await openPage(session, extensionUrl(session, 'popup.html'));
    await expect.poll(() => popup.locator('[data-testid=popup-vas] .va-name').allTextContents()).toEqual(['Sanne de Vries']);
    expect(session.pageErrors).toEqual([]);
  });
});
