/**
 * Valid bodies of the exchanges routes for the hostile-body property test. Each example holds only required keys,
 * so removing any key must be refused.
 */
import type { BodyExampleFactory } from './body-examples.ts';
import { FERRY_REQUEST, eventBodyFor, ferryPlanBody } from './matrix-policy-exchanges.ts';

export const exchangeBodyExamples: BodyExampleFactory = async ({ repo }) => {
  const plan = await repo.create('ferry_plan', { title: 'p', releasability: 'bilateral', body: ferryPlanBody() });
  const clearance = await repo.create('clearance', {
    title: 'c',
    releasability: 'bilateral',
    body: {
      id: 'c',
      country: 'JP',
      kind: 'landing',
      fromIcao: 'RKNW',
      toIcao: 'ROAH',
      status: 'requested',
      legIndex: 0,
      ferryPlanId: plan.id,
    },
  });
  const start = Math.floor(Date.now() / 1000) - 86_400;
  const confirmed = await repo.create(
    'exchange_event',
    { title: 'e', releasability: 'bilateral', body: eventBodyFor('ev-body-1', 'confirmed', start) },
    'ev-body-1',
  );
  const proposed = await repo.create(
    'exchange_event',
    { title: 'e', releasability: 'bilateral', body: eventBodyFor('ev-body-2', 'proposed', start) },
    'ev-body-2',
  );
  return {
    tables: ['exchange_lead_time_rules'],
    bodies: {
      'POST /api/airfields': {
        url: '/api/airfields',
        body: {
          icao: 'RJFZ',
          name: { en: 'Test field' },
          lonDeg: 130.5,
          latDeg: 33.2,
          longestRunwayM: 2400,
          country: 'JP',
          use: 'military',
          source: 'test',
          releasability: 'bilateral',
        },
      },
      'POST /api/aircraft-types': {
        url: '/api/aircraft-types',
        body: { id: 'T-50B-x', baseTypeId: 'T-50B', overrides: {}, source: 'test', releasability: 'bilateral' },
      },
      'POST /api/teams': {
        url: '/api/teams',
        body: {
          id: 'team-x',
          name: { en: 'Team' },
          homeBaseIcao: 'RKNW',
          display: [{ typeId: 'T-50B', count: 4 }],
          support: [],
          deployingPersonnel: 30,
          source: 'test',
          releasability: 'bilateral',
        },
      },
      'POST /api/clearance-rules': {
        url: '/api/clearance-rules',
        body: { country: 'JP', kind: 'landing', leadTimeDays: 21, source: 'AIP Japan GEN 1.2' },
      },
      'POST /api/ferry/plan': { url: '/api/ferry/plan', body: { type: 'T-50B', from: 'RKNW', to: 'ROAH' } },
      'POST /api/ferry-plans': {
        url: '/api/ferry-plans',
        body: { title: 'plan', releasability: 'bilateral', request: FERRY_REQUEST },
      },
      'POST /api/ferry-plans/:id/clearances': {
        url: `/api/ferry-plans/${plan.id}/clearances`,
        body: { legIndex: 0, country: 'JP', kind: 'landing', status: 'requested' },
      },
      'PATCH /api/clearances/:id': { url: `/api/clearances/${clearance.id}`, body: { status: 'approved' } },
      'POST /api/ferry-plans/:id/support-items': {
        url: `/api/ferry-plans/${plan.id}/support-items`,
        body: {
          kind: 'fuel',
          airfieldIcao: 'ROAH',
          providedBy: 'JP',
          description: { en: 'Fuel' },
          reimbursable: true,
        },
      },
      'POST /api/exchange-events': {
        url: '/api/exchange-events',
        body: {
          kind: 'team-meeting',
          title: { en: 'Meeting' },
          start: '2026-03-01T01:00:00Z',
          end: '2026-03-01T03:00:00Z',
          releasability: 'bilateral',
          commitmentIds: [],
        },
      },
      'POST /api/exchange-events/:id/held': {
        url: `/api/exchange-events/${confirmed.id}/held`,
        body: { evidence: [{ kind: 'report', reference: 'AAR-1' }] },
      },
      'POST /api/exchange-events/:id/postpone': {
        url: `/api/exchange-events/${proposed.id}/postpone`,
        body: { reason: 'weather', start: '2026-04-01T00:00:00Z', end: '2026-04-01T02:00:00Z' },
      },
      'POST /api/exchange-events/:id/cancel': {
        url: `/api/exchange-events/${proposed.id}/cancel`,
        body: { reason: 'short-notice change' },
      },
    },
  };
};
