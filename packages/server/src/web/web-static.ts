/**
 * Serves the built web app (`packages/web/dist`, made by `npm run build -w @tandem/web`) under `/app/`.
 * Only files inside the build folder are served (the path is resolved and checked, no `..` escapes); unknown
 * paths under `/app/` get `index.html` so the single-page app can handle them.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TandemError } from '@tandem/core';

/** The web build folder; `TANDEM_WEB_DIST` overrides it (packaged installs). */
export function webDistDir(): string {
  return resolve(process.env['TANDEM_WEB_DIST'] ?? fileURLToPath(new URL('../../../web/dist', import.meta.url)));
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  /** Hashed asset names never change: cache them; index.html must be re-read. */
  readonly immutable: boolean;
}

/** The file for `relPath` (URL path below `/app/`), or index.html for an app route. */
export async function readWebFile(relPath: string, dist = webDistDir()): Promise<StaticFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relPath);
  } catch {
    throw new TandemError('INVALID_INPUT', 'the path is not valid URL encoding', 'path');
  }
  const full = resolve(join(dist, decoded));
  if (full !== dist && !full.startsWith(dist + sep)) throw new TandemError('NOT_FOUND', 'no such file', 'path');
  let file = full;
  const info = await stat(full).catch(() => undefined);
  if (info === undefined || info.isDirectory()) {
    if (extname(decoded) !== '') throw new TandemError('NOT_FOUND', `no file ${decoded} in the web app`, 'path');
    file = join(dist, 'index.html');
  }
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    throw new TandemError(
      'NOT_FOUND',
      'the web app is not built: run `npm run build -w @tandem/web` (the e2e tests build it)',
      'path',
    );
  }
  const ext = extname(file);
  return {
    body,
    contentType: TYPES[ext] ?? 'application/octet-stream',
    immutable: file.includes(`${sep}assets${sep}`),
  };
}
