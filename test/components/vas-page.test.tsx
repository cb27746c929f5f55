// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { VasPage } from '@/components/dashboard/VasPage';
import { db } from '@/lib/db';
import { saveVa } from '@/lib/db/writes';

let root: HTMLElement;
afterEach(async () => { render(null, root); root.remove(); await db.vas.clear(); });

const $ = <E extends Element>(sel: string) => root.querySelector<E>(sel)!;

describe('editing a VA in the dashboard', () => {
  it('changes only what the form edits: a board member mapped meanwhile in another tab stays mapped', async () => {
    const va = await saveVa({ name: 'Sanne' });
    root = document.body.appendChild(document.createElement('div'));
    render(<VasPage />, root);
    await expect.poll(() => root.querySelector('[data-testid=va-list] .va-name')?.textContent).toBe('Sanne');
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Edit')!.click();
    await expect.poll(() => root.querySelector(`[data-va-id="${va.id}"] input[name=hourlyRate]`)).not.toBeNull();

    // While the form is open, the panel on a Trello card maps the card member to this VA.
    await saveVa({ ...(await db.vas.get(va.id))!, identities: [{ platform: 'trello', memberId: 'm1', name: 'Sanne' }] });

    const rate = $<HTMLInputElement>(`[data-va-id="${va.id}"] input[name=hourlyRate]`);
    rate.value = '30';
    rate.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50)); // Preact renders the typed value before the click
    $<HTMLButtonElement>(`[data-va-id="${va.id}"] button[type=submit]`).click();
    await expect.poll(async () => (await db.vas.get(va.id))?.hourlyRate).toBe(30);
    expect((await db.vas.get(va.id))?.identities).toEqual([{ platform: 'trello', memberId: 'm1', name: 'Sanne' }]);
  });
});
