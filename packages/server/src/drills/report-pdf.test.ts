/**
 * The after-action report downloads as a PDF in Korean and Japanese with the text rendered (read back by poppler's
 * pdftotext): the report heading, the scenario's name and an evaluator's observation in that language.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDrillTemplate } from '@tandem/core';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { pdfStats } from './report-pdf.ts';
import { REPORT_HEADINGS } from './report-html.ts';

const TEMPLATE = 'missing-diver';

describe('after-action report PDF', () => {
  let t: TestApp;
  let base = '';
  let controller: { cookie: string; csrf: string };
  let viewer: { cookie: string; csrf: string };
  const dir = mkdtempSync(join(tmpdir(), 'tandem-report-'));

  const send = async (s: { cookie: string; csrf: string }, method: string, url: string, payload?: object) => {
    const r = await t.tandem.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      ...(payload === undefined ? {} : { payload }),
    });
    assert.ok(r.statusCode < 300, `${method} ${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    return r;
  };

  before(async () => {
    t = await createTestApp('sqlite');
    controller = await t.login('kr-exercise_controller');
    viewer = await t.login('jp-viewer');
    const evaluator = await t.login('jp-evaluator');
    const d = (
      await send(controller, 'POST', '/api/drills', {
        title: '합동 훈련 / 合同訓練',
        releasability: 'bilateral',
        template: TEMPLATE,
        seed: 4,
        durationS: 3600,
        planningParticles: 100,
      })
    ).json() as { id: string; objectives: { id: string }[] };
    base = `/api/drills/${d.id}`;
    await send(controller, 'POST', `${base}/start`, { clockFactor: 1 });
    await send(evaluator, 'POST', `${base}/evaluations`, {
      objectiveId: d.objectives[0]?.id,
      rating: 'M',
      observations: [
        { kind: 'area-for-improvement', text: '통신 지연이 있었다' },
        { kind: 'strength', text: '調整が迅速だった' },
      ],
    });
    await send(controller, 'POST', `${base}/advance`, { toS: 3600 });
    await send(controller, 'POST', `${base}/finish`);
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pdfText = (pdf: Buffer, name: string): string => {
    const path = join(dir, name);
    writeFileSync(path, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  };

  for (const lang of ['ko', 'ja'] as const) {
    it(`prints the ${lang} report with its text rendered`, async () => {
      const printed = pdfStats.printed;
      const r = await send(viewer, 'GET', `${base}/report.pdf?lang=${lang}`);
      assert.equal(r.headers['content-type'], 'application/pdf');
      assert.match(
        String(r.headers['content-disposition']),
        new RegExp(`attachment; filename="drill-.*-${lang}\\.pdf"`),
      );
      // Compared without white space: the PDF wraps lines inside table cells.
      const flat = (x: string): string => x.replace(/\s+/g, '');
      const raw = pdfText(r.rawPayload, `${lang}.pdf`);
      const text = flat(raw);
      assert.ok(text.includes(flat(REPORT_HEADINGS[lang])), `${lang} heading in: ${raw.slice(0, 300)}`);
      assert.ok(text.includes(flat(findDrillTemplate(TEMPLATE).name[lang])), `${lang} scenario name`);
      const obs = lang === 'ko' ? '통신지연이있었다' : '調整が迅速だった';
      assert.ok(text.includes(obs), `observation in: ${raw.slice(-1500)}`);
      assert.ok(!text.includes(flat(REPORT_HEADINGS.en)), 'no English heading');
      assert.equal(pdfStats.printed, printed + 1);
      process.stdout.write(
        `# ${lang} report PDF printed in ${pdfStats.lastPrintMs.toFixed(0)} ms, ${r.rawPayload.length} bytes\n`,
      );
      // A second download is the stored print.
      const again = await send(viewer, 'GET', `${base}/report.pdf?lang=${lang}`);
      assert.equal(pdfStats.printed, printed + 1);
      assert.deepEqual(again.rawPayload, r.rawPayload);
    });
  }

  it('serves the same report as a page in the chosen language', async () => {
    const r = await send(viewer, 'GET', `${base}/report.html?lang=ja`);
    assert.match(String(r.headers['content-type']), /text\/html/);
    assert.match(r.body, /<html lang="ja">/);
    assert.ok(r.body.includes(REPORT_HEADINGS.ja));
    assert.ok(!r.body.includes('<script'));
    assert.match(r.body, /<svg[^>]+role="img"/);
  });
});
