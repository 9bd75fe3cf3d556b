/**
 * Authorization policy of the exchanges routes, for the authorization matrix test. Editors are administrators
 * and exchange officers; readers add viewers, observers and dialogue secretariats. A confirmation is each side's
 * own, so the partner nation may confirm a KR event it can see (not owner-only); held, postpone, cancel and
 * clearance edits are the owner nation's.
 */
import { SEED_AIRCRAFT_TYPES, proposeEvent, seedAirfieldDatabase } from '@tandem/core';
import type { Role } from '../auth/roles.ts';
import { computeFerryPlan } from '../exchanges/ferry-service.ts';
import type { FerryRequestJson } from '../exchanges/ferry-service.ts';
import type { Case, Policy, SetupEnv } from './matrix-policy.ts';

const EDITORS: Role[] = ['administrator', 'exchange_officer'];
const READERS: Role[] = ['administrator', 'exchange_officer', 'viewer', 'observer', 'dialogue_secretariat'];

export const FERRY_REQUEST: FerryRequestJson = {
  type: 'T-50B',
  from: 'RKNW',
  to: 'ROAH',
  departure: '2026-01-28T00:00:00Z',
};

let planBody: unknown;
/** A computed ferry plan body (RKNW → ROAH, one leg), computed once. */
export function ferryPlanBody(): unknown {
  planBody ??= {
    request: FERRY_REQUEST,
    plan: computeFerryPlan(FERRY_REQUEST, seedAirfieldDatabase(), SEED_AIRCRAFT_TYPES, 'KR', 1_769_558_400),
  };
  return planBody;
}

/** An exchange event body (contract: core ExchangeEvent + commitmentIds + evidence). */
export function eventBodyFor(id: string, status: 'proposed' | 'confirmed', startUtc: number): unknown {
  const e = proposeEvent({
    id,
    kind: 'joint-display',
    title: { en: 'Joint display', ko: '합동 비행', ja: '合同展示飛行' },
    airfieldIcao: 'ROAH',
    startUtc,
    endUtc: startUtc + 7200,
  });
  const confirmed =
    status === 'confirmed'
      ? {
          status: 'confirmed' as const,
          confirmations: { KR: { by: 'kr', atUtc: startUtc - 86400 }, JP: { by: 'jp', atUtc: startUtc - 86400 } },
          history: [{ from: 'proposed' as const, to: 'confirmed' as const, atUtc: startUtc - 86400, by: 'jp' }],
        }
      : {};
  return { ...e, ...confirmed, commitmentIds: [], evidence: [] };
}

const plan = async (c: Case, env: SetupEnv) =>
  (await env.repo.create('ferry_plan', { title: `m${c.n}`, releasability: c.label, body: ferryPlanBody() })).id;

const event = (status: 'proposed' | 'confirmed') => async (c: Case, env: SetupEnv) => {
  const id = `ev-m${c.n}`;
  const start = Math.floor(Date.now() / 1000) - 86_400;
  await env.repo.create(
    'exchange_event',
    { title: `m${c.n}`, releasability: c.label, body: eventBodyFor(id, status, start) },
    id,
  );
  return { id };
};

export const EXCHANGE_POLICY: Record<string, Policy> = {
  'GET /api/airfields': { who: READERS },
  'POST /api/airfields': {
    who: EDITORS,
    body: (c) => ({
      icao: 'RJFZ',
      name: { en: `Test field ${c.n}` },
      lonDeg: 130.5,
      latDeg: 33.2,
      longestRunwayM: 2400,
      country: 'JP',
      use: 'military',
      source: 'matrix test',
      releasability: c.label,
    }),
  },
  'GET /api/aircraft-types': { who: READERS },
  'POST /api/aircraft-types': {
    who: EDITORS,
    body: (c) => ({
      id: `T-50B-m${c.n}`,
      baseTypeId: 'T-50B',
      overrides: { cruiseTasMps: 230 },
      source: 'matrix test',
      releasability: c.label,
    }),
  },
  'GET /api/teams': { who: READERS },
  'POST /api/teams': {
    who: EDITORS,
    body: (c) => ({
      id: `team-${c.n}`,
      name: { en: 'Team' },
      homeBaseIcao: 'RKNW',
      display: [{ typeId: 'T-50B', count: 4 }],
      support: [],
      deployingPersonnel: 30,
      source: 'matrix test',
      releasability: c.label,
    }),
  },
  'GET /api/clearance-rules': { who: READERS },
  'POST /api/clearance-rules': {
    who: EDITORS,
    body: (c) => ({ country: 'JP', kind: 'landing', leadTimeDays: c.n % 60, source: 'matrix test' }),
  },
  'POST /api/ferry/plan': { who: READERS, body: () => FERRY_REQUEST },
  'GET /api/ferry/wind-files': { who: READERS },
  'POST /api/ferry-plans': {
    who: EDITORS,
    body: (c) => ({ title: `plan ${c.n}`, releasability: c.label, request: FERRY_REQUEST }),
  },
  'GET /api/ferry-plans': { who: READERS },
  'GET /api/ferry-plans/:id': { who: READERS, setup: async (c, env) => ({ id: await plan(c, env) }) },
  'POST /api/ferry-plans/:id/clearances': {
    who: EDITORS,
    setup: async (c, env) => ({
      id: await plan(c, env),
      body: { legIndex: 0, country: 'JP', kind: 'landing', status: 'requested', requested: '2025-12-01T00:00:00Z' },
    }),
  },
  'PATCH /api/clearances/:id': {
    who: EDITORS,
    ownerOnly: true,
    setup: async (c, env) => {
      const rec = await env.repo.create('clearance', {
        title: `m${c.n}`,
        releasability: c.label,
        body: {
          id: 'c',
          country: 'JP',
          kind: 'landing',
          fromIcao: 'RKNW',
          toIcao: 'ROAH',
          status: 'requested',
          legIndex: 0,
          ferryPlanId: 'none',
        },
      });
      return { id: rec.id, body: { status: 'approved', approved: '2026-01-10T00:00:00Z', reference: 'DC-1' } };
    },
  },
  'POST /api/ferry-plans/:id/support-items': {
    who: EDITORS,
    setup: async (c, env) => ({
      id: await plan(c, env),
      body: {
        kind: 'fuel',
        airfieldIcao: 'ROAH',
        providedBy: 'JP',
        description: { en: 'Fuel for nine T-50B' },
        reimbursable: true,
        legalBasis: { instrument: { en: 'host-nation provision' } },
      },
    }),
  },
  'GET /api/exchange-events': { who: READERS },
  'GET /api/exchange-events/calendar.ics': { who: READERS },
  'GET /api/exchange-events/:id': { who: READERS, setup: event('proposed') },
  'POST /api/exchange-events': {
    who: EDITORS,
    body: (c) => ({
      kind: 'team-meeting',
      title: { en: `Meeting ${c.n}` },
      start: '2026-03-01T01:00:00Z',
      end: '2026-03-01T03:00:00Z',
      releasability: c.label,
      commitmentIds: [],
    }),
  },
  'POST /api/exchange-events/:id/confirm': { who: EDITORS, setup: event('proposed') },
  'POST /api/exchange-events/:id/held': {
    who: EDITORS,
    ownerOnly: true,
    setup: async (c, env) => ({
      ...(await event('confirmed')(c, env)),
      body: { evidence: [{ kind: 'report', reference: 'AAR-1' }] },
    }),
  },
  'POST /api/exchange-events/:id/postpone': {
    who: EDITORS,
    ownerOnly: true,
    setup: async (c, env) => ({
      ...(await event('proposed')(c, env)),
      body: { reason: 'weather', start: '2026-04-01T00:00:00Z', end: '2026-04-01T02:00:00Z' },
    }),
  },
  'POST /api/exchange-events/:id/cancel': {
    who: EDITORS,
    ownerOnly: true,
    setup: async (c, env) => ({ ...(await event('proposed')(c, env)), body: { reason: 'short-notice change' } }),
  },
};
