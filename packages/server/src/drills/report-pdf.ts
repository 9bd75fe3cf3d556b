/**
 * The after-action report as PDF: the report page (report-html.ts) printed by Chromium. A finished drill's report
 * changes only with new evaluations or closures (its action count) or a new record version, so printed PDFs are
 * kept by (drill, version, action count, language): a second download costs nothing.
 */
import type { DrillLanguage } from '@tandem/core';
import { htmlToPdf } from '../reports/html-to-pdf.ts';
import { drillLandMask } from './drill-land.ts';
import { drillReport } from './drill-service.ts';
import type { DrillContext } from './drill-service.ts';
import { reportHtml } from './report-html.ts';

const MAX_CACHED = 12;
const cache = new Map<string, Uint8Array>();

/** Figures for tests and the report: prints done and the last print time. */
export const pdfStats = { printed: 0, lastPrintMs: 0 };

export async function reportPdf(ctx: DrillContext, id: string, lang: DrillLanguage): Promise<Uint8Array> {
  const report = await drillReport(ctx, id, lang);
  const key = JSON.stringify([id, report.drill.version, report.drill.actionCount, lang]);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const t0 = performance.now();
  const pdf = await htmlToPdf(reportHtml(report, await drillLandMask(), lang));
  pdfStats.printed++;
  pdfStats.lastPrintMs = performance.now() - t0;
  cache.set(key, pdf);
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return pdf;
}
