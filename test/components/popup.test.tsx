// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import { db } from '@/lib/db';
import { saveVa } from '@/lib/db/writes';

let root: HTMLElement;
afterEach(async () => { render(null, root); root.remove(); await db.vas.clear(); });

const cardNames = () => [...root.querySelectorAll('[data-testid=va-kpis] .va-name')].map((h) => h.textContent);

describe('the popup', () => {
  it('shows a card for every VA, also those below the first screen', async () => {
    const names = ['Anna', 'Bram', 'Chloë', 'Daan', 'Eva', 'Finn', 'Gijs'];
    for (const name of names) await saveVa({ name });
    root = document.body.appendChild(document.createElement('div'));
    render(<Popup />, root);
    await expect.poll(cardNames).toEqual(names);
  });
});
