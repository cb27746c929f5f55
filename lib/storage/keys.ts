// Every key the extension keeps in browser storage, in one list. Content scripts read two of them
// with the plain storage API (the wrapper in items.ts would cost their size budget); everything
// else goes through the typed items in lib/storage/items.ts. Per-platform tokens live under
// `token:<platform>`, never inside `settings`, so a backup of the settings cannot carry them.
export const STORAGE_KEYS = {
  /** storage.local: the owner's settings. */
  settings: 'settings',
  /** storage.local: the one running timer. */
  timer: 'timer',
  /** storage.local: whether the panel is collapsed, shared by all cards and platforms. */
  panelCollapsed: 'panelCollapsed',
  /** storage.local, read only by the background: a platform's API credential. */
  token: (platform: string) => `token:${platform}` as const,
  /** storage.local: per platform, the account, the token's last 4 characters and the chosen boards. */
  syncConnections: 'syncConnections',
  /** storage.local, before schema version 5 only: where one board's sync was (now in the database). */
  syncCursor: (platform: string, boardId: string) => `syncCursor:${platform}:${boardId}` as const,
  /** storage.local: per board, the running sync's progress or the last one's outcome. */
  syncStatus: 'syncStatus',
  /** storage.local: the check-in reminders already shown, review id → the date shown for. */
  remindersShown: 'remindersShown',
  /** storage.session: whether the board page in a tab was recognised. */
  pageStatus: (tabId: number) => `pageStatus:${tabId}` as const,
} as const;
