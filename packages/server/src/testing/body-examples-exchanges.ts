/** Valid bodies of the exchanges routes for the hostile-body property test. */
import type { BodyExampleFactory } from './body-examples.ts';

export const exchangeBodyExamples: BodyExampleFactory = async () => ({ bodies: {}, tables: [] });
