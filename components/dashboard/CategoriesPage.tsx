import { useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { addCategory, renameCategory, setCategoryArchived } from '@/lib/db/categories';
import { BUILTIN_TEMPLATES } from '@/lib/kpi/categories';
import { t, type MessageKey } from '@/lib/text/i18n';
import type { Category } from '@/lib/model';
import { useAsync } from '../useAsync';

const label = (l: { key: string } | { text: string }) => ('key' in l ? t(l.key as MessageKey) : l.text);

/** The built-in templates, and the owner's own categories: add with counters, rename, archive. */
export function CategoriesPage() {
  const { data: own, error, reload } = useAsync(() => db.categories.toArray().then((all) => all.sort((a, b) => a.name.localeCompare(b.name))));
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section class="stack" aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t('categories_heading')}</h2>
      <p class="muted">{t('categories_intro')}</p>
      {error && <p class="error" role="alert">{t('errorGeneric', error)}</p>}
      <h3>{t('categories_builtin')}</h3>
      <ul class="stack" style={{ listStyle: 'none', padding: 0 }}>
        {BUILTIN_TEMPLATES.map((c) => (
          <li key={c.id} class="card">
            <strong>{label(c.label)}</strong>
            <div class="muted">{c.counters.length ? t('categories_counters', c.counters.map((k) => label(k.label)).join(', ')) : t('categories_noCounters')}</div>
          </li>
        ))}
      </ul>
      <h3>{t('categories_own')}</h3>
      {own?.length === 0 && <p class="muted">{t('categories_ownEmpty')}</p>}
      <ul class="stack" style={{ listStyle: 'none', padding: 0 }} data-testid="category-list">
        {own?.map((c) => <li key={c.id} class="card" data-category-id={c.id}><OwnCategory category={c} onChanged={reload} /></li>)}
      </ul>
      <AddCategory onAdded={(c) => { setMessage(t('categories_added', c.name)); reload(); }} />
      {message && <p role="status" class="muted">{message}</p>}
    </section>
  );
}

function OwnCategory({ category, onChanged }: { category: Category; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(category.name);
  const [error, setError] = useState<string | null>(null);
  const run = (step: Promise<unknown>) => step.then(() => { setError(null); setEditing(false); onChanged(); }, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  return (
    <div class="stack">
      {editing ? (
        <form class="row" onSubmit={(e) => { e.preventDefault(); void run(renameCategory(category.id, name)); }}>
          <label>{t('categories_name')}<input name="name" value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} /></label>
          <button type="submit" class="primary">{t('categories_save')}</button>
          <button type="button" onClick={() => { setEditing(false); setName(category.name); }}>{t('categories_cancel')}</button>
        </form>
      ) : (
        <div class="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <div>
            <strong class="category-name">{category.name}</strong>
            {category.archived && <span class="muted"> ({t('categories_archived')})</span>}
            <div class="muted">{category.counters.length ? t('categories_counters', category.counters.map((k) => k.label).join(', ')) : t('categories_noCounters')}</div>
          </div>
          <div class="row">
            <button type="button" aria-label={t('categories_renameNamed', category.name)} onClick={() => setEditing(true)}>{t('categories_rename')}</button>
            <button type="button" aria-label={t(category.archived ? 'categories_unarchiveNamed' : 'categories_archiveNamed', category.name)}
              onClick={() => run(setCategoryArchived(category.id, !category.archived))}>
              {category.archived ? t('categories_unarchive') : t('categories_archive')}
            </button>
          </div>
        </div>
      )}
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}

function AddCategory({ onAdded }: { onAdded: (c: Category) => void }) {
  const [name, setName] = useState('');
  const [counters, setCounters] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    try {
      const added = await addCategory({ name, counters: counters.split('\n') });
      setName(''); setCounters(''); setError(null);
      onAdded(added);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <form class="card stack" onSubmit={submit} aria-labelledby="category-add-heading">
      <h3 id="category-add-heading">{t('categories_addHeading')}</h3>
      <label>{t('categories_name')}<input name="name" required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>
      <label class="field-wide">{t('categories_countersField')}
        <textarea name="counters" rows={3} value={counters} onInput={(e) => setCounters(e.currentTarget.value)} />
      </label>
      <div><button type="submit" class="primary">{t('categories_add')}</button></div>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
