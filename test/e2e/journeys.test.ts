// The shared journeys (test/journeys/journeys.ts) in Chromium; test/e2e-firefox/ runs the same in Firefox.
import { defineJourneys } from '../journeys/journeys';
import { chromiumDriver } from './driver';

defineJourneys(chromiumDriver);
