/** Valid bodies of the drills routes for the hostile-body property test. */
import type { BodyExampleFactory } from './body-examples.ts';

export const drillBodyExamples: BodyExampleFactory = async () => ({ bodies: {}, tables: [] });
