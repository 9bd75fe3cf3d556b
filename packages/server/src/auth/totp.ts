/**
 * TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s step), one step of clock drift accepted.
 */
import { Secret, TOTP } from 'otpauth';

function totp(secretBase32: string, label = 'user'): TOTP {
  return new TOTP({
    issuer: 'Tandem',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, username: string): string {
  return totp(secretBase32, username).toString();
}

export function checkTotp(secretBase32: string, code: string, timestampMs: number = Date.now()): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totp(secretBase32).validate({ token: code, timestamp: timestampMs, window: 1 }) !== null;
}

export function currentTotp(secretBase32: string, timestampMs: number = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: timestampMs });
}
