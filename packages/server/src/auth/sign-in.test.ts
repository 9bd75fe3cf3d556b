import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../testing/dialects.ts';
import { createTestApp, TEST_PASSWORD } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { DirectoryRepository } from './directory.ts';
import { systemActor } from './roles.ts';
import { currentTotp, newTotpSecret } from './totp.ts';
import { MAX_FAILED_SIGN_INS } from './sign-in.ts';

for (const dialect of DIALECTS) {
  describe(`sign-in on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { secureCookies: true });
    });
    after(async () => {
      await t.close();
    });

    it('sets a Secure, HttpOnly, SameSite=Strict session cookie and argon2id hashes', async () => {
      const res = await t.tandem.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'kr-viewer', password: TEST_PASSWORD },
      });
      assert.equal(res.statusCode, 200);
      const cookie = String(res.headers['set-cookie']);
      assert.match(cookie, /tandem_session=/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /Secure/);
      assert.match(cookie, /SameSite=Strict/);
      const row = await t.database.db
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', 'kr-viewer')
        .executeTakeFirstOrThrow();
      assert.match(row.password_hash, /^\$argon2id\$/);
      const token = /tandem_session=([^;]+)/.exec(cookie)?.[1] ?? '';
      const stored = await t.database.db.selectFrom('sessions').select('id').execute();
      assert.ok(
        stored.every((s) => s.id !== token),
        'the raw token is not stored',
      );
    });

    it('answers 401 without a session and with a wrong password, and the same for unknown users', async () => {
      const anon = await t.tandem.app.inject({ method: 'GET', url: '/api/scenarios' });
      assert.equal(anon.statusCode, 401);
      assert.equal(anon.json().error.code, 'UNAUTHENTICATED');
      const wrong = await t.tandem.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'kr-observer', password: 'nope' },
      });
      const unknown = await t.tandem.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nobody', password: 'nope' },
      });
      assert.equal(wrong.statusCode, 401);
      assert.deepEqual(wrong.json(), unknown.json());
    });

    it('locks an account after repeated failures, audited', async () => {
      for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
        const r = await t.tandem.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'jp-evaluator', password: `wrong-${i}` },
        });
        assert.equal(r.statusCode, 401);
      }
      const locked = await t.tandem.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'jp-evaluator', password: TEST_PASSWORD },
      });
      assert.equal(locked.statusCode, 423);
      assert.equal(locked.json().error.code, 'ACCOUNT_LOCKED');
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'user.lockout')
        .execute();
      assert.equal(audit.length, 1);
    });

    it('requires CSRF tokens on cookie-authenticated writes', async () => {
      const s = await t.login('kr-sar_planner');
      const payload = { title: 't', releasability: 'national', body: {} };
      const none = await t.tandem.app.inject({
        method: 'POST',
        url: '/api/plans',
        headers: { cookie: s.cookie },
        payload,
      });
      assert.equal(none.statusCode, 403);
      assert.equal(none.json().error.code, 'CSRF_INVALID');
      const other = await t.login('kr-exercise_controller');
      const wrong = await t.tandem.app.inject({
        method: 'POST',
        url: '/api/plans',
        headers: { cookie: s.cookie, 'x-csrf-token': other.csrf },
        payload,
      });
      assert.equal(wrong.statusCode, 403);
      const ok = await t.tandem.app.inject({
        method: 'POST',
        url: '/api/plans',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload,
      });
      assert.equal(ok.statusCode, 201);
    });

    it('ends the session on logout', async () => {
      const s = await t.login('kr-observer');
      const out = await t.tandem.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      });
      assert.equal(out.statusCode, 200);
      const me = await t.tandem.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
      assert.equal(me.statusCode, 401);
    });

    it('enforces an organisation TOTP policy', async () => {
      const dir = new DirectoryRepository(t.database.db, t.database.dialect, systemActor('JP'));
      const org = await dir.createOrganisation({ service: 'JCG', unit: 'HQ', name: 'TOTP org', totpRequired: true });
      const secret = newTotpSecret();
      await dir.createUser({
        username: 'jp-totp',
        displayName: 'x',
        password: TEST_PASSWORD,
        organisationId: org.id,
        roles: ['viewer'],
        totpSecret: secret,
      });
      await dir.createUser({
        username: 'jp-nototp',
        displayName: 'x',
        password: TEST_PASSWORD,
        organisationId: org.id,
        roles: ['viewer'],
      });
      const login = (username: string, totp?: string) =>
        t.tandem.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload:
            totp === undefined ? { username, password: TEST_PASSWORD } : { username, password: TEST_PASSWORD, totp },
        });
      const missing = await login('jp-totp');
      assert.equal(missing.statusCode, 401);
      assert.equal(missing.json().error.code, 'TOTP_REQUIRED');
      const code = currentTotp(secret);
      const wrongCode = code === '000000' ? '111111' : '000000';
      assert.equal((await login('jp-totp', wrongCode)).statusCode, 401);
      assert.equal((await login('jp-totp', code)).statusCode, 200);
      const unenrolled = await login('jp-nototp');
      assert.equal(unenrolled.json().error.code, 'TOTP_REQUIRED');
    });

    it('sends security headers with a CSP that allows no inline script', async () => {
      const r = await t.tandem.app.inject({ method: 'GET', url: '/' });
      assert.equal(r.statusCode, 200);
      const csp = String(r.headers['content-security-policy']);
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      assert.equal(scriptSrc.trim(), "'self'");
      assert.doesNotMatch(csp, /unsafe-eval/);
      assert.match(csp, /object-src 'none'/);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.ok(r.headers['strict-transport-security']);
      assert.doesNotMatch(r.body, /<script/i);
      const docs = await t.tandem.app.inject({ method: 'GET', url: '/api/docs/static/index.html' });
      assert.doesNotMatch(docs.body, /<script>(?!\s*<\/script>)/);
    });
  });
}

describe('sign-in rate limiting', () => {
  it('answers 429 RATE_LIMITED past the per-minute budget', async () => {
    const t = await createTestApp('sqlite', { rateLimit: { perMinute: 1000, signInPerMinute: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await t.tandem.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'kr-viewer', password: 'bad' },
        });
        codes.push(r.statusCode);
        if (r.statusCode === 429) assert.equal(r.json().error.code, 'RATE_LIMITED');
      }
      assert.deepEqual(codes, [401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
