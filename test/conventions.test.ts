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
    const content = packagesReached('entrypoints/trello.content/index.ts');
    expect(content).not.toContain('zod');
    expect(content).not.toContain('dexie');
  });
});
