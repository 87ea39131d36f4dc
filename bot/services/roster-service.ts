// The roster: people, their roles and preferences. Also how an authenticated identity (Entra object
// id, e-mail) becomes a Person: roster people are who the roster says; any other member of the
// tenant is a viewer, not stored.
import { canAdminister, canRead } from '../domain/permissions.js';
import { Person, PersonCreate, PersonPatch, type Role } from '../domain/person.js';
import { parseInput } from '../domain/validation.js';
import { ValidationError } from '../domain/errors.js';
import type { Page } from '../ports/paging.js';
import type { PersonQuery } from '../ports/repositories.js';
import type { AuditService } from './audit-service.js';
import type { Created, RequestContext, ServiceDeps } from './context.js';
import { createKeyed, firstVersion, idForCreate } from './idempotency.js';
import { NotFoundError } from '../domain/errors.js';

export interface ExternalIdentity {
  aadObjectId?: string;
  email?: string;
  name?: string;
  tenantId?: string;
}

export class RosterService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
  ) {}

  /** Finds the roster person for an identity; unknown staff become a transient viewer. */
  async resolve(identity: ExternalIdentity): Promise<Person> {
    const people = this.deps.store.people;
    const byOid = identity.aadObjectId
      ? await people.getByAadObjectId(identity.aadObjectId.toLowerCase())
      : undefined;
    if (byOid) return byOid;
    const byEmail = identity.email ? await people.getByEmail(identity.email.toLowerCase()) : undefined;
    if (byEmail) return byEmail;
    const now = this.deps.clock.now().toISOString();
    const key = identity.aadObjectId?.toLowerCase() ?? identity.email?.toLowerCase() ?? 'anonymous';
    return {
      id: `guest-${key.replace(/[^a-z0-9.-]/g, '-').slice(0, 50)}`,
      aadObjectId: identity.aadObjectId?.toLowerCase() ?? null,
      name: (identity.name ?? identity.email ?? 'Guest').slice(0, 120),
      email: identity.email?.toLowerCase() ?? 'unknown@invalid.example',
      role: 'viewer',
      orgUnit: 'GS',
      locale: null,
      timeZone: this.deps.orgTimeZone,
      active: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  }

  async findById(id: string): Promise<Person | undefined> {
    return this.deps.store.people.get(id);
  }

  /** The first active person with the role, e.g. the default development identity (the CTO). */
  async firstWithRole(role: Role): Promise<Person | undefined> {
    const page = await this.deps.store.people.list({ role, active: true, limit: 1 });
    return page.items[0];
  }

  async list(ctx: RequestContext, query: PersonQuery): Promise<Page<Person>> {
    await this.audit.enforce(ctx, canRead(ctx.actor), { entityType: 'person', entityId: 'roster' }, 'read');
    return this.deps.store.people.list(query);
  }

  async get(ctx: RequestContext, id: string): Promise<Person> {
    await this.audit.enforce(ctx, canRead(ctx.actor), { entityType: 'person', entityId: id }, 'read');
    const p = await this.deps.store.people.get(id);
    if (!p) throw new NotFoundError('person', id);
    return p;
  }

  async create(ctx: RequestContext, input: unknown, idempotencyKey?: string): Promise<Created<Person>> {
    const { id: givenId, ...fields } = parseInput(PersonCreate, input);
    // The audit event's entityId must be an identifier: an e-mail address is not one.
    await this.audit.enforce(
      ctx,
      canAdminister(ctx.actor),
      { entityType: 'person', entityId: givenId ?? 'new' },
      'create',
    );
    const id = givenId ?? idForCreate(this.deps.ids, 'person', ctx.actor.id, idempotencyKey);
    // A replay (same key, so same id) finds the person it created, which is not a duplicate.
    await this.assertUnique(fields.email, fields.aadObjectId, id);
    const now = this.deps.clock.now().toISOString();
    const person = parseInput(Person, {
      ...fields,
      email: fields.email.toLowerCase(),
      id,
      ...firstVersion(now),
    });
    const result = await createKeyed(this.deps.store.people, person, {
      entity: 'person',
      idempotencyKey,
      givenId,
      fields,
      sameOrigin: (existing) => existing.email === person.email,
    });
    if (!result.replayed)
      await this.audit.record(ctx, { entityType: 'person', entityId: id }, 'create', undefined, result.value);
    return result;
  }

  async update(ctx: RequestContext, id: string, patch: unknown, expectedVersion: number): Promise<Person> {
    const changes = parseInput(PersonPatch, patch);
    const current = await this.deps.store.people.get(id);
    // People may change their own language and time zone; everything else is the CTO's.
    const selfService =
      current?.id === ctx.actor.id && Object.keys(changes).every((k) => k === 'locale' || k === 'timeZone');
    // Self-service still needs an active person, as every other write does.
    await this.audit.enforce(
      ctx,
      selfService ? canRead(ctx.actor) : canAdminister(ctx.actor),
      { entityType: 'person', entityId: id },
      'update',
    );
    if (!current) throw new NotFoundError('person', id);
    await this.assertUnique(changes.email, changes.aadObjectId, id);
    const next = parseInput(Person, {
      ...current,
      ...changes,
      email: (changes.email ?? current.email).toLowerCase(),
      updatedAt: this.deps.clock.now().toISOString(),
    });
    const stored = await this.audit.recordWrite(
      () => this.deps.store.people.update(next, expectedVersion),
      ctx,
      { entityType: 'person', entityId: id },
      'update',
      current,
      next,
    );
    return stored;
  }

  private async assertUnique(
    email: string | undefined,
    aadObjectId: string | null | undefined,
    selfId: string | undefined,
  ) {
    const issues = [];
    if (email) {
      const other = await this.deps.store.people.getByEmail(email.toLowerCase());
      if (other && other.id !== selfId)
        issues.push({ path: 'email', code: 'taken', message: 'another person has this e-mail address' });
    }
    if (aadObjectId) {
      const other = await this.deps.store.people.getByAadObjectId(aadObjectId.toLowerCase());
      if (other && other.id !== selfId)
        issues.push({
          path: 'aadObjectId',
          code: 'taken',
          message: 'another person has this Entra object id',
        });
    }
    if (issues.length) throw new ValidationError(issues);
  }
}
