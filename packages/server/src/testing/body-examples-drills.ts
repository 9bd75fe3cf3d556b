/**
 * Valid bodies of the drills routes for the hostile-body property test. Each example holds only required keys, so
 * removing any key must be refused; the drills they address are KR-owned bilateral drills in a status where the
 * route would act.
 */
import type { BodyExampleFactory } from './body-examples.ts';
import { createTestDrill, MATRIX_HELD_INJECT, MATRIX_OBJECTIVE, MATRIX_TEMPLATE } from './matrix-policy-drills.ts';

export const drillBodyExamples: BodyExampleFactory = async ({ repo }) => {
  const setup = await createTestDrill({ repo }, 'bilateral', 'setup');
  const paused = await createTestDrill({ repo }, 'bilateral', 'paused');
  const finished = await createTestDrill({ repo }, 'bilateral', 'finished');
  const at = (d: { id: string }, path: string): string => `/api/drills/${d.id}/${path}`;
  return {
    tables: ['drill_actions'],
    bodies: {
      'POST /api/drills': {
        url: '/api/drills',
        body: { title: 'Drill', releasability: 'bilateral', template: MATRIX_TEMPLATE },
      },
      'POST /api/drills/:id/start': { url: at(setup, 'start'), body: { clockFactor: 60 } },
      'POST /api/drills/:id/resume': { url: at(paused, 'resume'), body: { clockFactor: 60 } },
      'POST /api/drills/:id/advance': { url: at(paused, 'advance'), body: { toS: 1200 } },
      'POST /api/drills/:id/actions': {
        url: at(paused, 'actions'),
        body: { actions: [{ kind: 'message', to: 'JCG RCC', text: 'SITREP 1' }] },
      },
      'POST /api/drills/:id/injects': {
        url: at(paused, 'injects'),
        body: { text: { en: 'Fuel check', ko: '연료 확인', ja: '燃料確認' } },
      },
      'POST /api/drills/:id/injects/release': {
        url: at(paused, 'injects/release'),
        body: { injectId: MATRIX_HELD_INJECT },
      },
      'POST /api/drills/:id/evaluations': {
        url: at(paused, 'evaluations'),
        body: { objectiveId: MATRIX_OBJECTIVE, rating: 'S', observations: [] },
      },
      'POST /api/drills/:id/corrective-actions/close': {
        url: at(finished, 'corrective-actions/close'),
        body: { actionId: `${finished.id}:${MATRIX_OBJECTIVE}`, note: 'confirmed' },
      },
    },
  };
};
