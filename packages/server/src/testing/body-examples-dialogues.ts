/** Valid bodies of the dialogues routes for the hostile-body property test. */
import type { BodyExampleFactory } from './body-examples.ts';

export const dialogueBodyExamples: BodyExampleFactory = async () => ({ bodies: {}, tables: [] });
