// Every key the extension keeps in browser storage, in one list. Content scripts read two of them
// with the plain storage API (the wrapper in items.ts would cost their size budget); everything
// else goes through the typed items in lib/storage/items.ts. Per-platform tokens will live under
// `token:<platform>`, never inside `settings`, so a backup of the settings cannot carry them.
export const STORAGE_KEYS = {
  /** storage.local: the owner's settings. */
  settings: 'settings',
  /** storage.local: the one running timer. */
  timer: 'timer',
  /** storage.local: whether the panel is collapsed, shared by all cards and platforms. */
  panelCollapsed: 'panelCollapsed',
  /** storage.local: the check-in reminders already shown, review id → the date shown for. */
  remindersShown: 'remindersShown',
  /** storage.session: whether the board page in a tab was recognised. */
  pageStatus: (tabId: number) => `pageStatus:${tabId}` as const,
} as const;
