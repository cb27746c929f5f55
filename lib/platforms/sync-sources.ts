// Each platform's REST client for board sync, by platform (the seam names platforms by design).
// Loaded by the background and the dashboard only: content scripts never bundle a client.
import { asanaSource } from './asana/api';
import { clickupSource } from './clickup/api';
import type { Platform } from './registry';
import { trelloSource } from './trello/api';
import type { SyncSource } from '../sync/types';

export const SYNC_SOURCES: Record<Platform, SyncSource<never>> = {
  trello: trelloSource as SyncSource<never>,
  asana: asanaSource as SyncSource<never>,
  clickup: clickupSource as SyncSource<never>,
};
