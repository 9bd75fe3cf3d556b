/**
 * HTML → PDF through Debian's Chromium (headless, driven by playwright-core): A4, backgrounds printed, fonts from
 * the system (fonts-noto-cjk for Korean and Japanese). One browser per process, launched on first use and reused
 * (a fresh page per document); `closePdfBrowser` ends it (the app's onClose hook). A missing Chromium is a clear
 * `TOOL_MISSING`; a page that does not print within the timeout is an error, never a partial file.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { TandemError } from '@tandem/core';

/** Printing one report (content set + PDF), ms. */
export const PDF_TIMEOUT_MS = 60_000;

let browser: Promise<Browser> | undefined;

export function chromiumPath(): string {
  return process.env['TANDEM_CHROMIUM'] ?? '/usr/bin/chromium';
}

function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    return Promise.reject(
      new TandemError(
        'TOOL_MISSING',
        `Chromium not found at ${executablePath}: install the Debian package "chromium" (or set TANDEM_CHROMIUM)`,
        'chromium',
      ),
    );
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
    timeout: PDF_TIMEOUT_MS,
  });
}

async function shared(): Promise<Browser> {
  browser ??= launch().then(
    (b) => {
      b.on('disconnected', () => {
        browser = undefined;
      });
      return b;
    },
    (e: unknown) => {
      browser = undefined;
      throw e;
    },
  );
  return browser;
}

/** Print `html` (a complete, self-contained page) to an A4 PDF. */
export async function htmlToPdf(html: string, timeoutMs = PDF_TIMEOUT_MS): Promise<Uint8Array> {
  const b = await shared();
  const page = await b.newPage();
  let timer: NodeJS.Timeout | undefined;
  try {
    const work = (async () => {
      await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
      return page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
      });
    })();
    work.catch(() => undefined);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TandemError('INTERNAL', `printing the PDF took longer than ${timeoutMs} ms`, 'pdf')),
        timeoutMs,
      );
    });
    const buf = await Promise.race([work, timeout]);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    await page.close().catch(() => undefined);
  }
}

/** Close the shared browser (no-op when none was launched). */
export async function closePdfBrowser(): Promise<void> {
  const b = browser;
  browser = undefined;
  if (b === undefined) return;
  try {
    await (await b).close();
  } catch {
    // A browser that failed to launch or already exited has nothing to close.
  }
}
