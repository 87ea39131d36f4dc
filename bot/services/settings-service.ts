import { canAdminister, canRead } from '../domain/permissions.js';
import { defaultSettings, Settings, SettingsPatch } from '../domain/settings.js';
import { parseInput } from '../domain/validation.js';
import { DuplicateError, ValidationError } from '../domain/errors.js';
import type { AuditService } from './audit-service.js';
import type { RequestContext, ServiceDeps } from './context.js';

export class SettingsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
  ) {}

  /** The settings, created with defaults on first use. */
  async current(): Promise<Settings> {
    const stored = await this.deps.store.settings.get();
    if (stored) return stored;
    try {
      return await this.deps.store.settings.save(defaultSettings(this.deps.clock.now().toISOString()), null);
    } catch (e) {
      if (e instanceof DuplicateError) {
        const raced = await this.deps.store.settings.get();
        if (raced) return raced;
      }
      throw e;
    }
  }

  async get(ctx: RequestContext): Promise<Settings> {
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'settings', entityId: 'settings' },
      'read',
    );
    return this.current();
  }

  async update(ctx: RequestContext, patch: unknown, expectedVersion: number): Promise<Settings> {
    const changes = parseInput(SettingsPatch, patch);
    await this.audit.enforce(
      ctx,
      canAdminister(ctx.actor),
      { entityType: 'settings', entityId: 'settings' },
      'update',
    );
    const current = await this.current();
    if (changes.pillarLeads || changes.digestSubscribers) {
      // Each reference by its field path (pillarLeads.GOV.0, digestSubscribers.2), as project writes do.
      const refs: Array<[string, string]> = [
        ...Object.entries(changes.pillarLeads ?? {}).flatMap(([pillar, ids]) =>
          (ids ?? []).map((id, i): [string, string] => [`pillarLeads.${pillar}.${i}`, id]),
        ),
        ...(changes.digestSubscribers ?? []).map((id, i): [string, string] => [`digestSubscribers.${i}`, id]),
      ];
      const ids = [...new Set(refs.map(([, id]) => id))];
      const found = new Set((await this.deps.store.people.getMany(ids)).map((p) => p.id));
      const missing = refs.filter(([, id]) => !found.has(id));
      if (missing.length) {
        throw new ValidationError(
          missing.map(([path, id]) => ({
            path,
            code: 'unknown_person',
            message: `not a person on the roster: ${id}`,
          })),
        );
      }
    }
    const next = parseInput(Settings, {
      ...current,
      ...changes,
      updatedAt: this.deps.clock.now().toISOString(),
    });
    const stored = await this.audit.recordWrite(
      () => this.deps.store.settings.save(next, expectedVersion),
      ctx,
      { entityType: 'settings', entityId: 'settings' },
      'update',
      current,
      next,
    );
    return stored;
  }
}
