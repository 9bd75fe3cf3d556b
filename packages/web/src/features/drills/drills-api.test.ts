import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ApiClient } from '../../api/api-client.ts';
import { DrillsApi } from './drills-api.ts';

/** A stand-in for the app's client that records each call (method, URL, body) and answers `{}`. */
function recording(): { api: ApiClient; calls: { method: string; url: string; body: unknown }[] } {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const api = {
    request(method: string, url: string, body?: unknown) {
      calls.push({ method, url, body });
      return Promise.resolve({});
    },
  } as unknown as ApiClient;
  return { api, calls };
}

test('every call goes to the route and with the body of the drills API contract (docs/domain/drills-api.md)', async () => {
  const { api, calls } = recording();
  const d = new DrillsApi(api);
  const id = 'a b/c';
  const e = encodeURIComponent(id);
  await d.library();
  await d.list();
  await d.create({ title: 't', releasability: 'bilateral', template: 'person-overboard', seed: 7 });
  await d.get(id);
  await d.start(id, 60);
  await d.pause(id);
  await d.resume(id, 120);
  await d.advance(id, 5400);
  await d.finish(id);
  await d.player(id);
  await d.control(id);
  await d.proposal(id);
  await d.actions(id, [{ kind: 'message', to: 'JCG RCC', text: 'SITREP' }]);
  await d.liveInject(id, { en: 'a', ko: '가', ja: 'あ' });
  await d.liveInject(id, { en: 'a', ko: '가', ja: 'あ' }, { kind: 'unit-breakdown', unitId: 'u1' });
  await d.releaseInject(id, 'contingency-info');
  await d.evaluate(id, { objectiveId: 'obj-plan', rating: 'S', observations: [] });
  await d.report(id, 'ko');
  await d.closeAction(id, 'x:obj-plan', 'fixed');
  await d.replay(id, 600);
  await d.trends();
  assert.deepEqual(calls, [
    { method: 'GET', url: '/api/drill-templates', body: undefined },
    { method: 'GET', url: '/api/drills?limit=100', body: undefined },
    {
      method: 'POST',
      url: '/api/drills',
      body: { title: 't', releasability: 'bilateral', template: 'person-overboard', seed: 7 },
    },
    { method: 'GET', url: `/api/drills/${e}`, body: undefined },
    { method: 'POST', url: `/api/drills/${e}/start`, body: { clockFactor: 60 } },
    { method: 'POST', url: `/api/drills/${e}/pause`, body: undefined },
    { method: 'POST', url: `/api/drills/${e}/resume`, body: { clockFactor: 120 } },
    { method: 'POST', url: `/api/drills/${e}/advance`, body: { toS: 5400 } },
    { method: 'POST', url: `/api/drills/${e}/finish`, body: undefined },
    { method: 'GET', url: `/api/drills/${e}/player`, body: undefined },
    { method: 'GET', url: `/api/drills/${e}/control`, body: undefined },
    { method: 'POST', url: `/api/drills/${e}/proposal`, body: undefined },
    {
      method: 'POST',
      url: `/api/drills/${e}/actions`,
      body: { actions: [{ kind: 'message', to: 'JCG RCC', text: 'SITREP' }] },
    },
    { method: 'POST', url: `/api/drills/${e}/injects`, body: { text: { en: 'a', ko: '가', ja: 'あ' } } },
    {
      method: 'POST',
      url: `/api/drills/${e}/injects`,
      body: { text: { en: 'a', ko: '가', ja: 'あ' }, kind: 'unit-breakdown', unitId: 'u1' },
    },
    { method: 'POST', url: `/api/drills/${e}/injects/release`, body: { injectId: 'contingency-info' } },
    {
      method: 'POST',
      url: `/api/drills/${e}/evaluations`,
      body: { objectiveId: 'obj-plan', rating: 'S', observations: [] },
    },
    { method: 'GET', url: `/api/drills/${e}/report?lang=ko`, body: undefined },
    {
      method: 'POST',
      url: `/api/drills/${e}/corrective-actions/close`,
      body: { actionId: 'x:obj-plan', note: 'fixed' },
    },
    { method: 'GET', url: `/api/drills/${e}/replay?stepS=600`, body: undefined },
    { method: 'GET', url: '/api/drill-trends', body: undefined },
  ]);
  assert.equal(d.pdfUrl(id, 'ja'), `/api/drills/${e}/report.pdf?lang=ja`);
});

test("the player's page asks only for the player projection: no call to the controllers' /control", () => {
  const source = readFileSync(new URL('./play-view.tsx', import.meta.url), 'utf8');
  assert.ok(source.includes('drills.player('), 'the player page reads the player view');
  assert.ok(!/\.control\(|\/control/.test(source.replace(/\/\*\*[\s\S]*?\*\//g, '')), 'play-view.tsx calls /control');
});
