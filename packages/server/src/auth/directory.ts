/**
 * Organisations and users. Organisations of both nations are listed to everyone signed in (they are the
 * partners' public structure); users are listed and created by administrators of their own nation only.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { TandemError } from '@tandem/core';
import type { Nation, Schema } from '../db/schema.ts';
import type { Dialect } from '../db/migrations.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { hashPassword } from './passwords.ts';
import type { Actor, Role } from './roles.ts';

export interface Organisation {
  readonly id: string;
  readonly nation: Nation;
  readonly service: string;
  readonly unit: string;
  readonly name: string;
  readonly totpRequired: boolean;
}

export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly nation: Nation;
  readonly organisationId: string;
  readonly roles: readonly Role[];
  readonly totpEnrolled: boolean;
}

export class DirectoryRepository {
  readonly #db: Kysely<Schema>;
  readonly #dialect: Dialect;
  readonly #actor: Actor;
  constructor(db: Kysely<Schema>, dialect: Dialect, actor: Actor) {
    this.#db = db;
    this.#dialect = dialect;
    this.#actor = actor;
  }

  async listOrganisations(): Promise<Organisation[]> {
    const rows = await this.#db.selectFrom('organisations').selectAll().orderBy('nation').orderBy('name').execute();
    return rows.map((r) => ({
      id: r.id,
      nation: r.nation,
      service: r.service,
      unit: r.unit,
      name: r.name,
      totpRequired: Number(r.totp_required) === 1,
    }));
  }

  async createOrganisation(
    input: { service: string; unit: string; name: string; totpRequired: boolean },
    id: string = randomUUID(),
  ): Promise<Organisation> {
    const org: Organisation = { id, nation: this.#actor.nation, ...input };
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('organisations')
        .values({
          id,
          nation: org.nation,
          service: org.service,
          unit: org.unit,
          name: org.name,
          totp_required: org.totpRequired ? 1 : 0,
          created_at: new Date().toISOString(),
        })
        .execute();
      await appendAudit(trx, this.#dialect, this.#actor, {
        action: 'organisation.create',
        entity: 'organisation',
        entityId: id,
        ownerNation: org.nation,
        releasability: 'bilateral',
        before: null,
        after: org,
      });
    });
    return org;
  }

  async listUsers(): Promise<UserView[]> {
    const rows = await this.#db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'nation', 'organisation_id', 'roles', 'totp_secret'])
      .where('nation', '=', this.#actor.nation)
      .orderBy('username')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      nation: r.nation,
      organisationId: r.organisation_id,
      roles: JSON.parse(r.roles) as Role[],
      totpEnrolled: r.totp_secret !== null,
    }));
  }

  async createUser(
    input: {
      username: string;
      displayName: string;
      password: string;
      organisationId: string;
      roles: readonly Role[];
      totpSecret?: string | undefined;
      /** An argon2id hash of `password` computed earlier (bulk imports, tests); saves the hashing cost. */
      passwordHash?: string | undefined;
    },
    id: string = randomUUID(),
  ): Promise<UserView> {
    const org = await this.#db
      .selectFrom('organisations')
      .select(['id', 'nation'])
      .where('id', '=', input.organisationId)
      .executeTakeFirst();
    if (org === undefined || org.nation !== this.#actor.nation) {
      throw new TandemError('NOT_FOUND', 'no organisation of your nation with this id', 'organisationId');
    }
    const taken = await this.#db
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken !== undefined) throw new TandemError('CONFLICT', 'username already taken', 'username');
    const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
    const view: UserView = {
      id,
      username: input.username,
      displayName: input.displayName,
      nation: org.nation,
      organisationId: org.id,
      roles: [...new Set(input.roles)],
      totpEnrolled: input.totpSecret !== undefined,
    };
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values({
          id,
          organisation_id: org.id,
          nation: org.nation,
          username: view.username,
          display_name: view.displayName,
          roles: JSON.stringify(view.roles),
          password_hash: passwordHash,
          totp_secret: input.totpSecret ?? null,
          failed_logins: 0,
          locked_until_ms: 0,
          created_at: new Date().toISOString(),
        })
        .execute();
      await appendAudit(trx, this.#dialect, this.#actor, {
        action: 'user.create',
        entity: 'user',
        entityId: id,
        ownerNation: org.nation,
        releasability: 'national',
        before: null,
        after: view,
      });
    });
    return view;
  }

  /** Stores a new TOTP secret for the caller (enrolment); audited without the secret. */
  async setOwnTotp(secret: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ totp_secret: secret }).where('id', '=', this.#actor.userId).execute();
      await appendAudit(trx, this.#dialect, this.#actor, {
        action: 'user.totp_enrol',
        entity: 'user',
        entityId: this.#actor.userId,
        ownerNation: this.#actor.nation,
        releasability: 'national',
        before: null,
        after: { totpEnrolled: true },
      });
    });
  }
}
