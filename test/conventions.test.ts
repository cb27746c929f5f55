// Rules every feature follows, checked over the whole tree so a new file can't forget them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (p: string) => fs.readFileSync(p, 'utf8');
const locale = (lang: string): Record<string, { message: string }> => JSON.parse(read(`public/_locales/${lang}/messages.json`));
function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}
const uiFiles = () => [...files('components', /\.tsx$/), ...files('entrypoints', /\.tsx$/)];
const sourceFiles = () => [...files('lib', /\.tsx?$/), ...files('components', /\.tsx?$/), ...files('entrypoints', /\.tsx?$/)];

describe('i18n', () => {
  const en = locale('en');
  const nl = locale('nl');

  it('English and Dutch have the same keys', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it('every Dutch message is filled in and uses the same placeholders', () => {
    const placeholders = (s: string) => (s.match(/\$\d/g) ?? []).sort();
    for (const [key, { message }] of Object.entries(en)) {
      expect(nl[key]?.message.trim(), key).not.toBe('');
      expect(placeholders(nl[key]!.message), key).toEqual(placeholders(message));
    }
  });

  it('UI code has no literal user-visible text', () => {
    const offenders: string[] = [];
    for (const file of uiFiles()) {
      const src = read(file).replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      // Text after a tag's `>` (not `=>` or a spaced comparison), and attributes a person reads or hears.
      for (const m of src.matchAll(/(?<![=\s])>\s*([^<>{}=;()]*\p{L}{2,}[^<>{}=;()]*?)\s*</gu)) offenders.push(`${file}: text "${m[1]}"`);
      for (const m of src.matchAll(/\b(aria-label|placeholder|title|alt)="([^"]*\p{L}[^"]*)"/gu)) offenders.push(`${file}: ${m[1]}="${m[2]}"`);
    }
    expect(offenders).toEqual([]);
  });

  it('every key used in code exists in the English messages', () => {
    const missing: string[] = [];
    for (const file of sourceFiles()) {
      // `t('key')` calls, and `{ key: 'name' }` labels that data such as category templates carry.
      for (const m of read(file).matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'|\{\s*key:\s*'([A-Za-z0-9_]+)'/g)) {
        const key = m[1] ?? m[2]!;
        if (!(key in en)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('security', () => {
  it('no code sets innerHTML or uses dangerouslySetInnerHTML', () => {
    const offenders = sourceFiles().filter((f) => /innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|outerHTML\s*=/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it('the manifest asks for no broad host access', () => {
    const config = read('wxt.config.ts');
    expect(config).not.toMatch(/<all_urls>|\*:\/\/\*\/\*/);
  });
});

describe('entrypoints stay thin', () => {
  it('no entrypoint file is longer than 60 lines', () => {
    const long = files('entrypoints', /\.tsx?$/).filter((f) => read(f).split('\n').length > 60);
    expect(long).toEqual([]);
  });
});

/** Packages a module reaches through static, non-type imports (what its bundle must load). */
function packagesReached(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const resolve = (from: string, spec: string) => {
    const base = spec.startsWith('@/') ? spec.slice(2) : path.join(path.dirname(from), spec);
    return ['', '.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  };
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const importRe = /^\s*(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?['"]([^'"]+)['"]/gm;
    for (const [, typeOnly, clause, spec] of read(file).matchAll(importRe)) {
      if (typeOnly || (clause && /^\{[^}]*\}$/s.test(clause.trim()) && clause.slice(1, -1).split(',').every((s) => !s.trim() || /^type\s/.test(s.trim())))) continue;
      if (spec!.startsWith('.') || spec!.startsWith('@/')) {
        const target = resolve(file, spec!);
        if (target) visit(target);
      } else packages.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
    }
  };
  visit(entry);
  return packages;
}

describe('start-up stays light', () => {
  it('the popup starts without zod (only saving settings loads it), the content script without zod or Dexie', () => {
    expect(packagesReached('entrypoints/dashboard/main.tsx')).toContain('zod'); // the walk does find it
    expect(packagesReached('entrypoints/popup/main.tsx')).not.toContain('zod');
    for (const entry of files('entrypoints', /^index\.ts$/).filter((f) => f.includes('.content/'))) {
      const content = packagesReached(entry);
      expect(content, entry).not.toContain('zod');
      expect(content, entry).not.toContain('dexie');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The platform seam: adding a platform touches the registry, one folder under lib/platforms/, one
// thin entrypoint, fixtures and locale keys — nothing else (refined-github's features test).
import { PLATFORM_REGISTRY, PLATFORMS, type Platform } from '@/lib/platforms/registry';
import type { PlatformAdapter } from '@/lib/platforms/adapter';
import config from '../wxt.config';

/** Platforms in the registry whose panel is not built yet, with the issue that builds it. */
const PANEL_PENDING: Partial<Record<Platform, string>> = {};
const withPanel = PLATFORMS.filter((p) => !(p in PANEL_PENDING));

async function adapterOf(platform: Platform): Promise<PlatformAdapter> {
  const module = await import(`../lib/platforms/${platform}/index.ts`) as Record<string, unknown>;
  const adapters = Object.values(module).filter((v): v is PlatformAdapter => typeof v === 'object' && v !== null && 'matchTaskUrl' in v);
  expect(adapters, `lib/platforms/${platform}/index.ts exports one adapter`).toHaveLength(1);
  return adapters[0]!;
}
async function urlExamples(platform: Platform) {
  const module = await import(`../lib/platforms/${platform}/page.urls.ts`) as Record<string, unknown>;
  const lists = Object.entries(module).filter(([name]) => name.endsWith('_URL_EXAMPLES')).map(([, v]) => v);
  expect(lists, `lib/platforms/${platform}/page.urls.ts exports its URL examples`).toHaveLength(1);
  return lists[0] as ReadonlyArray<readonly [string, string | null]>;
}
const selectorsOf = async (platform: Platform) =>
  Object.values((await import(`../lib/platforms/${platform}/page.ts`) as { SELECTORS?: Record<string, string> }).SELECTORS ?? {});

describe('every registered platform', () => {
  it('has its facts in its own folder and its name in English and Dutch', () => {
    for (const platform of PLATFORMS) {
      expect(fs.existsSync(`lib/platforms/${platform}/facts.ts`), platform).toBe(true);
      const { nameKey } = PLATFORM_REGISTRY[platform];
      expect(locale('en')[nameKey]?.message, `${platform}: ${nameKey}`).toBeTruthy();
      expect(locale('nl')[nameKey]?.message, `${platform}: ${nameKey}`).toBeTruthy();
    }
  });

  it('gets the host permission of its task pages, and its API only as optional', () => {
    const manifest = (browser: string) => (config.manifest as (env: { browser: string }) => Record<string, string[]>)({ browser });
    const chrome = manifest('chrome');
    // MV2 has no optional_host_permissions: Firefox lists optional hosts among optional_permissions.
    const firefox = manifest('firefox');
    for (const platform of PLATFORMS) {
      for (const host of PLATFORM_REGISTRY[platform].appHosts) expect(chrome.host_permissions, platform).toContain(`https://${host}/*`);
      for (const api of PLATFORM_REGISTRY[platform].apiPatterns) {
        expect(chrome.optional_host_permissions, platform).toContain(api);
        expect(firefox.optional_permissions, platform).toContain(api);
        expect(chrome.host_permissions, platform).not.toContain(api);
      }
    }
  });

  it('is pending only while it has no panel: no entrypoint, no adapter', () => {
    for (const platform of Object.keys(PANEL_PENDING)) {
      expect(fs.existsSync(`entrypoints/${platform}.content`), `${platform} has an entrypoint: take it off PANEL_PENDING`).toBe(false);
      expect(fs.existsSync(`lib/platforms/${platform}/index.ts`), `${platform} has an adapter: take it off PANEL_PENDING`).toBe(false);
    }
  });
});

describe.each(withPanel)('the %s panel', (platform) => {
  it('has an adapter, a page.ts with its selectors, URL examples, a fixture and a thin entrypoint', async () => {
    const adapter = await adapterOf(platform);
    expect(adapter.platform).toBe(platform);
    expect((await selectorsOf(platform)).length).toBeGreaterThan(0);
    expect(fs.readdirSync(`test/fixtures/${platform}`).some((f) => f.endsWith('.html'))).toBe(true);
    const entry = read(`entrypoints/${platform}.content/index.ts`);
    expect(entry).toMatch(/startPanels\(ctx, \w+Adapter, panelRenderer\)/);
    expect(entry).toContain('noScriptStartedPostMessage: true');
    expect(entry.split('\n').length).toBeLessThanOrEqual(20);
  });

  it('recognises its own example URLs and no other platform claims them', async () => {
    const examples = await urlExamples(platform);
    expect(examples.some(([, id]) => id !== null)).toBe(true);
    expect(examples.some(([, id]) => id === null)).toBe(true);
    const own = await adapterOf(platform);
    for (const [url, id] of examples) expect(own.matchTaskUrl(url), url).toBe(id);
    for (const other of withPanel.filter((p) => p !== platform)) {
      const adapter = await adapterOf(other);
      for (const [url, id] of examples) if (id !== null) expect(adapter.matchTaskUrl(url), `${other} claims ${url}`).toBeNull();
    }
  });

  it('keeps its name and selectors in its own folder and entrypoint', async () => {
    const selectors = await selectorsOf(platform);
    const offenders: string[] = [];
    for (const file of sourceFiles()) {
      if (file.startsWith(`lib/platforms/${platform}/`) || file.startsWith(`entrypoints/${platform}.content/`)) continue;
      // The shared seam (registry, adapter interface) names platforms by design.
      if (/^lib\/platforms\/[^/]+\.ts$/.test(file)) continue;
      const src = read(file);
      if (new RegExp(`\\b${platform}\\b`, 'i').test(src)) offenders.push(`${file}: names ${platform}`);
      for (const selector of selectors) if (src.includes(selector)) offenders.push(`${file}: ${selector}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('one home each', () => {
  it('writes to the database only in lib/db/', () => {
    const write = /\b(?:db|d|tx|table)\.(?:\w+\.)?(?:put|add|bulkPut|bulkAdd|bulkDelete|clear|delete|modify|update)\(/;
    const offenders = sourceFiles().filter((f) => !f.startsWith('lib/db/') && write.test(read(f).replace(/\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });

  it('names storage keys only in lib/storage/', () => {
    // A literal key: 'local:x', defineItem, or get('x') / set({ x: … }) on the plain API.
    const raw = /['"`](?:local|session|sync|managed):|\bdefineItem\(|\bstorage\.(?:local|session|sync)\.(?:get|set|remove)\(\s*(?:['"`]|\{\s*['"`\w])/;
    const offenders = sourceFiles().filter((f) => !f.startsWith('lib/storage/') && raw.test(read(f)));
    expect(offenders).toEqual([]);
  });
});
