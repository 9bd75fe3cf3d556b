/**
 * What every browser test file needs: the web build, the real server with demo data and Debian's Chromium,
 * started before the file's tests and closed after them; and the message tables' `{{name}}` placeholders filled.
 */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { ensureWebBuild } from './build-web.ts';
import { startTestServer } from './test-server.ts';
import type { TestServer } from './test-server.ts';

export interface Harness {
  readonly server: TestServer;
  readonly browser: Browser;
}

/** Registers the file's before/after hooks; the fields are set once `before` has run. */
export function serverAndBrowser(): Harness {
  const h: { server?: TestServer; browser?: Browser } = {};
  before(async () => {
    ensureWebBuild();
    h.server = await startTestServer();
    h.browser = await launchChromium();
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
  });
  return {
    get server() {
      if (h.server === undefined) throw new Error('the server starts in before()');
      return h.server;
    },
    get browser() {
      if (h.browser === undefined) throw new Error('the browser starts in before()');
      return h.browser;
    },
  };
}

/** A message with its `{{name}}` placeholders filled, as i18next does. */
export function fillMessage(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}
