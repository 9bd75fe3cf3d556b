/**
 * Reading input documents and writing outputs for the CLI commands. Outputs are written under temporary names
 * and renamed into place only when every file is complete, so a failed or interrupted command never leaves a
 * partial output that looks finished.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { TandemError } from '@tandem/core';

/** Write all files under temporary names, then rename them into place; on failure remove the temporaries. */
export function writeFilesAtomically(files: readonly (readonly [path: string, data: string | Uint8Array])[]): void {
  const temps: [string, string][] = [];
  try {
    for (const [path, data] of files) {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.tmp-${process.pid}`;
      temps.push([tmp, path]);
      writeFileSync(tmp, data);
    }
    for (const [tmp, path] of temps) renameSync(tmp, path);
  } catch (err) {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
    const e = err as NodeJS.ErrnoException;
    throw new TandemError('INVALID_INPUT', `cannot write ${e.path ?? 'the outputs'}: ${e.code ?? e.message}`, 'output');
  }
}

/** One file, atomically. */
export function writeFileAtomically(path: string, data: string | Uint8Array): void {
  writeFilesAtomically([[path, data]]);
}

/**
 * Read and parse a JSON document. `shown` is the path as the user typed it (used in messages), `what` names the
 * document ("scenario", "plan").
 */
export function readJsonDocument(path: string, shown: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new TandemError('NOT_FOUND', `cannot read the ${what}: ${e.code ?? e.message}`, shown);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new TandemError('INVALID_INPUT', `not valid JSON: ${(err as Error).message}`, shown);
  }
}
