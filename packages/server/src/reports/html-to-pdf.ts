/**
 * HTML → PDF through Debian's Chromium (headless, driven by playwright-core): A4, backgrounds printed, fonts from
 * the system (fonts-noto-cjk for Korean and Japanese). One browser and one page per process, launched on first use
 * and reused for every document in turn (a new page costs a renderer process, about 0.5–2 s on a busy machine);
 * `closePdfBrowser` ends it (the app's onClose hook). A missing Chromium is a clear `TOOL_MISSING`; a document that
 * does not print within the timeout is an error (and the page is replaced), never a partial file.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { TandemError } from '@tandem/core';

/** Printing one document (content set + PDF), ms. */
export const PDF_TIMEOUT_MS = 60_000;

let browser: Promise<Browser> | undefined;
let page: Promise<Page> | undefined;
/** Documents print one after the other on the shared page. */
let queue: Promise<unknown> = Promise.resolve();

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

function sharedPage(): Promise<Page> {
  browser ??= launch().then(
    (b) => {
      b.on('disconnected', () => {
        browser = undefined;
        page = undefined;
      });
      return b;
    },
    (e: unknown) => {
      browser = undefined;
      throw e;
    },
  );
  const b = browser;
  page ??= b
    .then(async (x) => {
      const p = await x.newPage();
      // Reports are self-contained: any request a document would make (a missed escape, an injected URL) is refused.
      await p.route('**/*', (r) => r.abort());
      return p;
    })
    .catch((e: unknown) => {
      page = undefined;
      throw e;
    });
  return page;
}

async function print(html: string, timeoutMs: number): Promise<Uint8Array> {
  const p = await sharedPage();
  let timer: NodeJS.Timeout | undefined;
  const work = (async () => {
    await p.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
    return p.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
  })();
  work.catch(() => undefined);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      page = undefined;
      void p.close().catch(() => undefined);
      reject(new TandemError('INTERNAL', `printing the PDF took longer than ${timeoutMs} ms`, 'pdf'));
    }, timeoutMs);
  });
  try {
    const buf = await Promise.race([work, timeout]);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** Print `html` (a complete, self-contained page without external resources) to an A4 PDF. */
export function htmlToPdf(html: string, timeoutMs = PDF_TIMEOUT_MS): Promise<Uint8Array> {
  const next = queue.then(() => print(html, timeoutMs));
  queue = next.catch(() => undefined);
  return next;
}

/** Close the shared browser (no-op when none was launched). */
export async function closePdfBrowser(): Promise<void> {
  const b = browser;
  browser = undefined;
  page = undefined;
  if (b === undefined) return;
  try {
    await (await b).close();
  } catch {
    // A browser that failed to launch or already exited has nothing to close.
  }
}
