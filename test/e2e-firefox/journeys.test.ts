// The shared journeys (test/journeys/journeys.ts) in Firefox, on the production Firefox build.
import { defineJourneys } from '../journeys/journeys';
import { firefoxDriver } from './harness';

defineJourneys(firefoxDriver);
