// Digest subscriptions: pillar leads (and the Transformation Office, who always receive it) may
// subscribe to the weekly digest and unsubscribe again. The subscriber list lives in the settings
// document; every change is audited as a settings update by the person themselves.
import { ForbiddenError } from '../domain/errors.js';
import { isCto } from '../domain/permissions.js';
import type { Person } from '../domain/person.js';
import { ConflictError } from '../domain/errors.js';
import type { Settings } from '../domain/settings.js';
import type { RequestContext } from './context.js';
import type { Services } from './services.js';

export type SubscriptionChange =
  'subscribed' | 'already-subscribed' | 'unsubscribed' | 'not-subscribed' | 'cto-always';

export function isPillarLead(settings: Pick<Settings, 'pillarLeads'>, personId: string): boolean {
  return Object.values(settings.pillarLeads).some((ids) => ids?.includes(personId));
}

export class SubscriptionService {
  constructor(private readonly services: Services) {}

  /** Who may subscribe: pillar leads, and the Transformation Office (who receive it anyway). */
  canSubscribe(settings: Settings, actor: Person): boolean {
    return actor.active && (isCto(actor) || isPillarLead(settings, actor.id));
  }

  async subscribe(ctx: RequestContext): Promise<SubscriptionChange> {
    return this.change(ctx, true);
  }

  async unsubscribe(ctx: RequestContext): Promise<SubscriptionChange> {
    return this.change(ctx, false);
  }

  private async change(ctx: RequestContext, subscribe: boolean): Promise<SubscriptionChange> {
    const store = this.services.deps.store;
    // Optimistic concurrency on the settings document: retry a few times when a concurrent edit wins.
    for (let attempt = 0; ; attempt++) {
      const current = await this.services.settings.current();
      if (subscribe && !this.canSubscribe(current, ctx.actor)) {
        await this.services.audit.record(
          ctx,
          { entityType: 'settings', entityId: 'settings' },
          'forbidden',
          undefined,
          undefined,
          'subscribe-digest: pillar_lead_required',
        );
        throw new ForbiddenError('role_required_cto');
      }
      const has = current.digestSubscribers.includes(ctx.actor.id);
      if (subscribe && has) return 'already-subscribed';
      if (!subscribe && !has) return isCto(ctx.actor) ? 'cto-always' : 'not-subscribed';
      const digestSubscribers = subscribe
        ? [...current.digestSubscribers, ctx.actor.id]
        : current.digestSubscribers.filter((id) => id !== ctx.actor.id);
      const next: Settings = {
        ...current,
        digestSubscribers,
        updatedAt: this.services.deps.clock.now().toISOString(),
      };
      try {
        const stored = await store.settings.save(next, current.version);
        await this.services.audit.record(
          ctx,
          { entityType: 'settings', entityId: 'settings' },
          'update',
          { digestSubscribers: current.digestSubscribers },
          { digestSubscribers: stored.digestSubscribers },
          subscribe ? 'subscribe digest' : 'unsubscribe digest',
        );
        if (!subscribe && isCto(ctx.actor)) return 'cto-always';
        return subscribe ? 'subscribed' : 'unsubscribed';
      } catch (e) {
        if (!(e instanceof ConflictError) || attempt >= 3) throw e;
      }
    }
  }
}
