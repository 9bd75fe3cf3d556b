import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTandemError } from '@tandem/core';
import { closePdfBrowser, htmlToPdf } from './html-to-pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-pdf-'));
after(async () => {
  await closePdfBrowser();
  rmSync(dir, { recursive: true, force: true });
});

/** Text of a PDF by poppler's pdftotext (UTF-8). */
function pdfText(pdf: Uint8Array, name = 'doc.pdf'): string {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

test('a missing Chromium is a clear TOOL_MISSING naming the package', async () => {
  await closePdfBrowser();
  const saved = process.env['TANDEM_CHROMIUM'];
  process.env['TANDEM_CHROMIUM'] = join(dir, 'no-chromium-here');
  try {
    await assert.rejects(htmlToPdf('<p>x</p>'), (e: unknown) => {
      assert.ok(isTandemError(e));
      assert.equal(e.code, 'TOOL_MISSING');
      assert.match(e.message, /chromium/);
      return true;
    });
  } finally {
    if (saved === undefined) delete process.env['TANDEM_CHROMIUM'];
    else process.env['TANDEM_CHROMIUM'] = saved;
  }
});

test('prints HTML with Korean and Japanese text to an A4 PDF that pdftotext reads back', async () => {
  const html =
    '<!doctype html><html lang="ko"><head><meta charset="utf-8"></head><body>' +
    '<h1>수색 구조 훈련 보고서</h1><p>捜索救助訓練の報告書</p><p>Tandem drill report</p></body></html>';
  const [a, b] = await Promise.all([htmlToPdf(html), htmlToPdf(html.replace('Tandem', 'Second'))]);
  assert.ok(a !== undefined && b !== undefined);
  assert.equal(Buffer.from(a.subarray(0, 5)).toString('latin1'), '%PDF-');
  const text = pdfText(a, 'a.pdf');
  assert.match(text, /수색 구조 훈련 보고서/);
  assert.match(text, /捜索救助訓練の報告書/);
  assert.match(pdfText(b, 'b.pdf'), /Second drill report/);
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(Buffer.from(a).toString('latin1'));
  assert.ok(box !== null, 'page size');
  assert.ok(
    Math.abs(Number(box[1]) - 595.92) < 1.5 && Math.abs(Number(box[2]) - 842.88) < 1.5,
    `A4, got ${box[1]} x ${box[2]}`,
  );
});

test('a document cannot fetch anything while it prints', async () => {
  const { createServer } = await import('node:http');
  let hits = 0;
  const srv = createServer((_req, res) => {
    hits++;
    res.end('x');
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const addr = srv.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
  try {
    const pdf = await htmlToPdf(
      `<!doctype html><html><body><p>offline</p><img src="http://127.0.0.1:${port}/leak.png"><link rel="stylesheet" href="http://127.0.0.1:${port}/x.css"></body></html>`,
    );
    assert.match(pdfText(pdf, 'offline.pdf'), /offline/);
    assert.equal(hits, 0);
  } finally {
    srv.close();
  }
});
