/**
 * The forcing data catalogue: one JSON file (`catalogue.json`) in the data folder (`$TANDEM_DATA_DIR`, else
 * `./tandem-data/`) listing each added file's inspection. Writes are atomic (a temporary file renamed over
 * the old one), so a crash never leaves a half-written catalogue.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TandemError } from '@tandem/core';
import type { ForcingFileInspection } from './inspect-forcing-file.ts';

export interface CatalogueEntry extends ForcingFileInspection {
  /** When the entry was added or refreshed (ISO 8601 UTC). */
  readonly addedAt: string;
}

export interface DataCatalogue {
  readonly version: 1;
  readonly entries: readonly CatalogueEntry[];
}

export const CATALOGUE_FILE = 'catalogue.json';

/** The data folder: `$TANDEM_DATA_DIR` or `./tandem-data` (relative to `cwd`). */
export function dataDirectory(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const d = env['TANDEM_DATA_DIR'];
  return resolve(cwd, d !== undefined && d !== '' ? d : 'tandem-data');
}

export function readCatalogue(dir: string): DataCatalogue {
  const path = join(dir, CATALOGUE_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { version: 1, entries: [] };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new TandemError('UNSUPPORTED_FILE', 'the data catalogue is not valid JSON', path);
  }
  const d = doc as Partial<DataCatalogue>;
  if (typeof doc !== 'object' || doc === null || d.version !== 1 || !Array.isArray(d.entries)) {
    throw new TandemError('UNSUPPORTED_FILE', 'the data catalogue has an unknown layout (expected version 1)', path);
  }
  return d as DataCatalogue;
}

export function writeCatalogue(dir: string, catalogue: DataCatalogue): void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, CATALOGUE_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(catalogue, null, 2) + '\n');
  renameSync(tmp, path);
}

/** Adds or replaces the entry for the inspected file (matched by absolute path). */
export function upsertCatalogueEntry(catalogue: DataCatalogue, entry: CatalogueEntry): DataCatalogue {
  const entries = catalogue.entries.filter((e) => e.path !== entry.path);
  entries.push(entry);
  entries.sort((a, b) => a.path.localeCompare(b.path));
  return { version: 1, entries };
}
