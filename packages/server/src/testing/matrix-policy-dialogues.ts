/** Authorization policy of the dialogues routes, for the authorization matrix test. */
import type { Role } from '../auth/roles.ts';
import type { Policy } from './matrix-policy.ts';
import { ADMIN } from './matrix-policy.ts';
import { ACTION_ITEM_INPUT, createAiEntry, createDialogueFixture, sessionInput } from '../dialogues/test-fixtures.ts';

const EDIT: Role[] = ['administrator', 'dialogue_secretariat'];
const READ: Role[] = ['administrator', 'dialogue_secretariat', 'viewer', 'observer', 'exchange_officer'];

export const DIALOGUE_POLICY: Record<string, Policy> = {
  'GET /api/dialogue-series': { who: READ },
  'POST /api/dialogue-series': {
    who: EDIT,
    body: (c) => ({ title: `series ${c.n}`, area: 'artificial-intelligence', releasability: c.label }),
  },
  'GET /api/dialogue-sessions': { who: READ },
  'POST /api/dialogue-sessions': {
    who: EDIT,
    setup: async (c, env) => {
      const { series } = await createDialogueFixture(env.repo, c.label, `${c.n}`);
      return { body: { ...sessionInput(series.id, c.label), actionItems: [ACTION_ITEM_INPUT] } };
    },
  },
  'GET /api/dialogue-sessions/:id': {
    who: READ,
    setup: async (c, env) => ({ id: (await createDialogueFixture(env.repo, c.label, `${c.n}`)).session.id }),
  },
  'POST /api/dialogue-sessions/:id/minutes': {
    who: EDIT,
    ownerOnly: true,
    setup: async (c, env) => ({
      id: (await createDialogueFixture(env.repo, c.label, `${c.n}`)).session.id,
      body: { minutes: [{ kind: 'minutes', reference: `MIN-${c.n}` }] },
    }),
  },
  'POST /api/dialogue-sessions/:id/releasability': {
    who: EDIT,
    ownerOnly: true,
    setup: async (c, env) => ({
      id: (await createDialogueFixture(env.repo, c.label, `${c.n}`)).session.id,
      body: { releasability: 'national', reason: 'restrict' },
    }),
  },
  'POST /api/dialogue-sessions/:id/action-items': {
    who: EDIT,
    ownerOnly: true,
    setup: async (c, env) => ({
      id: (await createDialogueFixture(env.repo, c.label, `${c.n}`)).session.id,
      body: ACTION_ITEM_INPUT,
    }),
  },
  'GET /api/action-items': { who: READ },
  'GET /api/action-items/overdue': { who: READ },
  // Not owner-only: each nation's secretariat marks its own side, also on the partner's visible items.
  'POST /api/action-items/:id/complete-side': {
    who: EDIT,
    setup: async (c, env) => ({
      id: (await createDialogueFixture(env.repo, c.label, `${c.n}`)).item.id,
      body: { evidence: [{ reference: `DOC-${c.n}` }] },
    }),
  },
  'POST /api/action-items/:id/drop': {
    who: EDIT,
    ownerOnly: true,
    setup: async (c, env) => ({
      id: (await createDialogueFixture(env.repo, c.label, `${c.n}`)).item.id,
      body: { reason: 'superseded' },
    }),
  },
  'GET /api/ai-register': { who: READ },
  'GET /api/ai-register/:id': {
    who: READ,
    setup: async (c, env) => ({ id: (await createAiEntry(env.repo, c.label, `${c.n}`)).id }),
  },
  // Any administrator of either nation may switch a feature it can see (turning off must never wait on the partner).
  'POST /api/ai-register/:id/switch': {
    who: ADMIN,
    setup: async (c, env) => ({
      id: (await createAiEntry(env.repo, c.label, `${c.n}`)).id,
      body: { enabled: false, reason: 'matrix test' },
    }),
  },
  'GET /api/commitments': { who: READ },
  'POST /api/commitments': {
    who: EDIT,
    body: (c) => ({ area: 'st-ai-dialogue', title: `commitment ${c.n}`, source: 'JS §3', releasability: c.label }),
  },
  'GET /api/follow-through': { who: READ },
  'GET /api/public/summary': { who: 'public' },
};
