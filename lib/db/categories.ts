// The owner's own categories: added with counters, renamed, archived. Ids are stored in ratings
// and exports, so they are made once from the name and never change; a rename changes the name
// only, and archiving only stops the panel offering the category for new ratings.
import { db, type ScorecardDb } from '.';
import { BUILTIN_CATEGORIES } from '../model/constants';
import { Category, nowIso } from '../model';
import { t } from '../text/i18n';
import { ValidationError, parseOrThrow } from './writes';

const ascii = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

function categoryId(name: string, taken: ReadonlySet<string>): string {
  const base = ascii(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30) || 'category';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** `Guests invited` → `guestsInvited`; a label without letters gets `counter<n>`. */
function counterIds(labels: readonly string[]): { id: string; label: string }[] {
  const taken = new Set<string>();
  return labels.map((l) => l.trim()).filter(Boolean).map((label, i) => {
    const words = ascii(label).split(/[^A-Za-z0-9]+/).filter(Boolean);
    let base = words.map((w, j) => (j === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('').slice(0, 36);
    if (!/^[a-zA-Z]/.test(base)) base = `counter${i + 1}`;
    let id = base;
    for (let n = 2; taken.has(id.toLowerCase()); n++) id = `${base}${n}`;
    taken.add(id.toLowerCase());
    return { id, label: label.slice(0, 80) };
  });
}

export async function addCategory(input: { name: string; counters: readonly string[] }, d: ScorecardDb = db): Promise<Category> {
  const name = input.name.trim();
  if (!name) throw new ValidationError(t('categories_errName'));
  return d.transaction('rw', d.categories, async () => {
    const taken = new Set<string>([...BUILTIN_CATEGORIES, ...(await d.categories.toCollection().primaryKeys())]);
    const category = parseOrThrow(Category, {
      id: categoryId(name, taken), name, counters: counterIds(input.counters), archived: false, updatedAt: nowIso(),
    }, t('categories_heading'));
    await d.categories.add(category);
    return category;
  });
}

async function updateCategory(id: string, change: Partial<Pick<Category, 'name' | 'archived'>>, d: ScorecardDb): Promise<Category> {
  return d.transaction('rw', d.categories, async () => {
    const stored = await d.categories.get(id);
    if (!stored) throw new ValidationError(t('categories_errMissing'));
    const next = parseOrThrow(Category, { ...stored, ...change, updatedAt: nowIso() }, t('categories_heading'));
    await d.categories.put(next);
    return next;
  });
}

export function renameCategory(id: string, name: string, d: ScorecardDb = db): Promise<Category> {
  if (!name.trim()) return Promise.reject(new ValidationError(t('categories_errName')));
  return updateCategory(id, { name: name.trim() }, d);
}

export function setCategoryArchived(id: string, archived: boolean, d: ScorecardDb = db): Promise<Category> {
  return updateCategory(id, { archived }, d);
}
