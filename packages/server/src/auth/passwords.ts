/**
 * Password hashing with argon2id (RFC 9106; OWASP Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1).
 */
import { hash, verify } from '@node-rs/argon2';
import type { Options } from '@node-rs/argon2';

/** `Algorithm.Argon2id` (a const enum, which type stripping cannot read). */
const ARGON2ID = 2 as NonNullable<Options['algorithm']>;
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal valid usernames. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('tandem-no-such-user');
  return dummy;
}
