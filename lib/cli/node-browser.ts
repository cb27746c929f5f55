// The few browser APIs the extension's lib code calls, for the command line in Node: an
// in-memory storage.local / storage.session (the data file is the only thing that persists),
// i18n answered from the same _locales files the extension ships, and IndexedDB from
// fake-indexeddb. Imported first by lib/cli/main.ts, before Dexie or WXT's storage load, so the
// extension's own code (KPIs, export, restore, sync) runs unchanged: no Node branch in it, and
// nothing added to the content scripts.
import 'fake-indexeddb/auto';
import en from '../../public/_locales/en/messages.json';
import nl from '../../public/_locales/nl/messages.json';

export const LANGS = ['en', 'nl'] as const;
export type Lang = (typeof LANGS)[number];

const LOCALES: Record<Lang, Record<string, { message: string }>> = { en, nl };
let lang: Lang = 'en';

export function setLanguage(next: Lang) { lang = next; }

/** chrome.i18n.getMessage's rules: `$1`…`$9` from the substitutions, `$$` a dollar, '' when unknown. */
function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = LOCALES[lang][key] ?? LOCALES.en[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\$|\d)/g, (_, d: string) => (d === '$' ? '$' : subs[Number(d) - 1] ?? ''));
}

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type Listener = (changes: Changes, areaName: string) => void;

function storageArea(name: string) {
  const data = new Map<string, unknown>();
  const listeners = new Set<Listener>();
  const copy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  const notify = (changes: Changes) => { if (Object.keys(changes).length) for (const l of listeners) l(changes, name); };
  return {
    async get(keys?: string | string[] | Record<string, unknown> | null) {
      if (keys === null || keys === undefined) return Object.fromEntries([...data].map(([k, v]) => [k, copy(v)]));
      const defaults = typeof keys === 'object' && !Array.isArray(keys) ? keys : {};
      const list = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
      const out: Record<string, unknown> = {};
      for (const k of list) {
        if (data.has(k)) out[k] = copy(data.get(k));
        else if (k in defaults) out[k] = defaults[k];
      }
      return out;
    },
    async set(items: Record<string, unknown>) {
      const changes: Changes = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: copy(v) };
        data.set(k, copy(v));
      }
      notify(changes);
    },
    async remove(keys: string | string[]) {
      const changes: Changes = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) {
        if (data.has(k)) changes[k] = { oldValue: data.get(k) };
        data.delete(k);
      }
      notify(changes);
    },
    async clear() { await this.remove([...data.keys()]); },
    onChanged: {
      addListener: (l: Listener) => { listeners.add(l); },
      removeListener: (l: Listener) => { listeners.delete(l); },
      hasListener: (l: Listener) => listeners.has(l),
    },
  };
}

const nodeBrowser = {
  // WXT's storage checks for a runtime with an id before it uses `storage`.
  runtime: { id: 'va-scorecard-cli' },
  storage: { local: storageArea('local'), session: storageArea('session') },
  i18n: { getMessage, getUILanguage: () => lang },
};

Object.assign(globalThis, { browser: nodeBrowser, chrome: nodeBrowser });
