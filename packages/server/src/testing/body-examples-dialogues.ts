/** Valid bodies of the dialogues routes for the hostile-body property test (required keys only). */
import type { BodyExampleFactory } from './body-examples.ts';
import { ACTION_ITEM_INPUT, createAiEntry, createDialogueFixture, sessionInput } from '../dialogues/test-fixtures.ts';

export const dialogueBodyExamples: BodyExampleFactory = async (env) => {
  const f = await createDialogueFixture(env.repo, 'bilateral', 'body-examples');
  const entry = await createAiEntry(env.repo, 'bilateral', 'body-examples');
  return {
    bodies: {
      'POST /api/dialogue-series': {
        url: '/api/dialogue-series',
        body: { title: 'Series', area: 'other', releasability: 'bilateral' },
      },
      'POST /api/dialogue-sessions': {
        url: '/api/dialogue-sessions',
        body: { ...sessionInput(f.series.id, 'bilateral') },
      },
      'POST /api/dialogue-sessions/:id/minutes': {
        url: `/api/dialogue-sessions/${f.session.id}/minutes`,
        body: { minutes: [{ reference: 'MIN-1' }] },
      },
      'POST /api/dialogue-sessions/:id/releasability': {
        url: `/api/dialogue-sessions/${f.session.id}/releasability`,
        body: { releasability: 'national', reason: 'restrict' },
      },
      'POST /api/dialogue-sessions/:id/action-items': {
        url: `/api/dialogue-sessions/${f.session.id}/action-items`,
        body: { ...ACTION_ITEM_INPUT },
      },
      'POST /api/action-items/:id/complete-side': {
        url: `/api/action-items/${f.item.id}/complete-side`,
        body: { evidence: [{ reference: 'DOC-1' }] },
      },
      'POST /api/action-items/:id/drop': { url: `/api/action-items/${f.item.id}/drop`, body: { reason: 'superseded' } },
      'POST /api/ai-register/:id/switch': {
        url: `/api/ai-register/${entry.id}/switch`,
        body: { enabled: false, reason: 'test' },
      },
      'POST /api/commitments': {
        url: '/api/commitments',
        body: { area: 'st-ai-dialogue', title: 'Commitment', source: 'JS §3', releasability: 'bilateral' },
      },
    },
    tables: ['sar_records', 'ai_feature_switches'],
  };
};
