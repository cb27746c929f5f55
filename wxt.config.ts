import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { appMatches, PLATFORM_REGISTRY, PLATFORMS } from './lib/platforms/registry';

// Host access is limited to the boards' task pages (from the platform registry); API hosts are
// optional and asked for only when the user connects a board for sync.
/** The platforms' REST APIs: asked for only when the owner connects a board for sync. */
const apiPatterns = PLATFORMS.flatMap((p) => PLATFORM_REGISTRY[p].apiPatterns);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The dashboard's CSV export worker (lib/files/export-worker.ts) is a module worker: its bundle
  // has dynamic imports, which IIFE (Vite's default for workers) cannot hold. Firefox >= 114 has them.
  vite: () => ({ plugins: [preact()], worker: { format: 'es' } }),
  hooks: {
    // Content scripts get the browser's own promise-based API (WXT's plain `wxt/browser`) instead
    // of the polyfill, which would take ~2.7 KB of their 15 KB gzip budget. Pages and the
    // background keep the polyfill.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const resolve = (config.resolve ??= {});
      const plain = { find: 'wxt/browser', replacement: '@wxt-dev/browser' };
      if (Array.isArray(resolve.alias)) resolve.alias.unshift(plain);
      else resolve.alias = { ...resolve.alias, [plain.find]: plain.replacement };
      // Terser packs content scripts ~4 % tighter than esbuild (Trello 15,341 → 14,715 B gzip); three
      // passes, getters taken as free of side effects and no parentheses around function arguments
      // take ~15 B more off each.
      config.build = {
        ...config.build, minify: 'terser',
        terserOptions: { compress: { passes: 3, pure_getters: true }, format: { wrap_func_args: false }, ecma: 2020 },
      };
    },
  },
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    // Check-in reminders; asked for in the review form when the owner wants one, not at install.
    // MV2 (Firefox) has no optional_host_permissions (WXT drops it): the API hosts go here there.
    optional_permissions: ['notifications', ...(browser === 'firefox' ? apiPatterns : [])],
    host_permissions: PLATFORMS.flatMap((p) => appMatches(PLATFORM_REGISTRY[p])),
    optional_host_permissions: apiPatterns,
    action: { default_title: '__MSG_extName__' },
    options_ui: { page: 'dashboard.html', open_in_tab: true },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'va-scorecard@example.org',
              // The lowest version the browser tests prove: Debian's firefox-esr 153 runs the
              // journeys (test/e2e-firefox/); test/e2e-firefox/manifest.test.ts keeps the two equal.
              strict_min_version: '153.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
