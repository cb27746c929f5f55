// The platforms the shared journeys run on: one descriptor per platform, in
// test/fixtures/<platform>/journey.ts, found here without a list to edit. Asana and ClickUp plug in
// by adding theirs once their panels and fixtures exist; nothing in the journeys names a platform.
import type { Platform } from '../../lib/platforms/registry';
import type { FixtureSite } from './driver';

export interface PlatformJourney {
  platform: Platform;
  site: FixtureSite;
  /** A task page of the fixture whose panel the journeys fill in. */
  task: {
    url: string;
    /** The stored key, `<platform>:<taskId>`. */
    key: string;
    taskId: string;
    title: string;
    /** The URL the export and the popup give for the task. */
    canonicalUrl: string;
    /** The task's assignee, whom the panel offers to make a VA. */
    assignee: string;
  };
}

const found = import.meta.glob<{ journey: PlatformJourney }>('../fixtures/*/journey.ts', { eager: true });
export const JOURNEY_PLATFORMS: PlatformJourney[] = Object.values(found).map((m) => m.journey);
