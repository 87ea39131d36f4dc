// Risk escalations: a risk that reaches the threshold or is escalated by hand goes to the CTO at
// once (on the risk.escalated event), exactly once per escalation and CTO; the scheduler's sweep
// re-sends any the event missed (a crash between the write and the send). The card's actions
// (acknowledge, accept, reassign) go through the risk service, so they are permission-checked and
// audited, and the card is updated in place for the one who acted and for the other recipients.
import {
  buildEscalationCard,
  type EscalationCardView,
  type EscalationOutcome,
} from '../cards/escalation-card.js';
import type { AdaptiveCard } from '../cards/digest-card-kit.js';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { Locale } from '../domain/locale.js';
import { canAdminister } from '../domain/permissions.js';
import type { Risk } from '../domain/risk.js';
import { collectAll } from '../ports/paging.js';
import type { RequestContext } from '../services/context.js';
import type { RunSummary } from '../services/digest-runs.js';
import { localeOf, type ProactiveDeps } from './digest-job.js';

export const ESCALATION_KIND = 'escalation';

/**
 * How long after an escalation the sweep still makes sure it was sent, and how many it looks at: the
 * sweep repairs a lost event (a crash between the write and the send); it must not flood the CTO with
 * old escalations, e.g. those a seeded or imported portfolio already carries.
 */
export const ESCALATION_SWEEP_HOURS = 48;
export const ESCALATION_SWEEP_MAX = 25;

/** Candidates offered for reassignment. */
const MAX_CANDIDATES = 50;

/** The run period key of an escalation: one per risk and escalation instant. */
export function escalationKey(risk: Pick<Risk, 'id' | 'escalation'>): string {
  return `${risk.id}@${risk.escalation ? Date.parse(risk.escalation.at) : 0}`;
}

export type EscalationAction = 'acknowledge' | 'accept' | 'reassign';

export class EscalationService {
  constructor(private readonly deps: ProactiveDeps) {}

  private get base() {
    return this.deps.services.deps;
  }

  private async view(
    risk: Risk,
    locale: Locale,
    outcomes: EscalationOutcome[] = [],
    stale = false,
  ): Promise<EscalationCardView> {
    const store = this.base.store;
    const [project, settings] = await Promise.all([
      risk.projectId ? store.projects.get(risk.projectId) : Promise.resolve(undefined),
      this.deps.services.settings.current(),
    ]);
    const ids = [
      risk.ownerId,
      risk.escalation?.byId,
      risk.escalation?.acknowledgedById,
      project?.ownerId,
      ...(project?.leadIds ?? []),
    ].filter((x): x is string => !!x);
    const [named, ctos] = await Promise.all([
      store.people.getMany([...new Set(ids)]),
      collectAll((page) => store.people.list({ role: 'cto', active: true, ...page })),
    ]);
    const names = new Map([...named, ...ctos].map((p) => [p.id, p.name]));
    const candidates = [
      ...new Map(
        [...named, ...ctos]
          .filter((p) => p.active && p.id !== risk.ownerId)
          .map((p) => [p.id, { id: p.id, name: p.name }]),
      ).values(),
    ]
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, MAX_CANDIDATES);
    return {
      locale,
      links: this.deps.links,
      risk,
      project: project ? { code: project.code, title: project.title, titles: project.titles } : null,
      ownerName: risk.ownerId ? (names.get(risk.ownerId) ?? risk.ownerId) : null,
      escalatedByName: risk.escalation ? (names.get(risk.escalation.byId) ?? risk.escalation.byId) : '',
      threshold: settings.escalationThreshold,
      candidates,
      // Without a fresh action to report, an earlier acknowledgement still shows (stale answer, copies).
      outcomes:
        outcomes.length || !risk.escalation?.acknowledgedAt
          ? outcomes
          : [
              {
                kind: 'acknowledged',
                byName:
                  names.get(risk.escalation.acknowledgedById ?? '') ?? risk.escalation.acknowledgedById ?? '',
                at: risk.escalation.acknowledgedAt,
              },
            ],
      stale,
    };
  }

  async card(
    risk: Risk,
    locale: Locale,
    outcomes: EscalationOutcome[] = [],
    stale = false,
  ): Promise<AdaptiveCard> {
    return buildEscalationCard(await this.view(risk, locale, outcomes, stale));
  }

  /** Sends a risk's current escalation to every active CTO who has not had it. */
  async notify(riskId: string): Promise<RunSummary | undefined> {
    const store = this.base.store;
    const risk = await store.risks.get(riskId);
    if (!risk?.escalation || risk.status !== 'escalated') return undefined;
    const ctos = await collectAll((page) => store.people.list({ role: 'cto', active: true, ...page }));
    const key = escalationKey(risk);
    return this.deps.pipeline.run(
      ESCALATION_KIND,
      key,
      ctos.map((cto) => ({
        recipient: cto,
        period: key,
        message: async () => {
          const current = await store.risks.get(riskId);
          // Closed, de-escalated or acknowledged meanwhile: no longer news.
          if (!current?.escalation || escalationKey(current) !== key || current.escalation.acknowledgedAt)
            return undefined;
          return {
            card: await this.card(current, localeOf(cto, this.deps.defaultLocale)),
            summary: current.title,
          };
        },
      })),
    );
  }

  /** Re-sends recent escalations the event did not deliver (crash, restart). */
  async sweep(): Promise<RunSummary[]> {
    const since = this.base.clock.now().getTime() - ESCALATION_SWEEP_HOURS * 3_600_000;
    const risks = await collectAll((page) => this.base.store.risks.list({ status: ['escalated'], ...page }));
    const recent = risks
      .filter((r) => r.escalation && !r.escalation.acknowledgedAt && Date.parse(r.escalation.at) >= since)
      .sort((a, b) => Date.parse(b.escalation!.at) - Date.parse(a.escalation!.at))
      .slice(0, ESCALATION_SWEEP_MAX);
    const summaries: RunSummary[] = [];
    for (const r of recent) {
      const s = await this.notify(r.id);
      if (s) summaries.push(s);
    }
    return summaries;
  }

  /**
   * A CTO acts on an escalation card; returns the updated card. `cardVersion` is the risk version the
   * card was built from: when the risk has changed since (or is closed), nothing is written and the
   * answer is the risk as it stands, marked stale.
   */
  async act(
    ctx: RequestContext,
    action: EscalationAction,
    riskId: string,
    ownerId?: string,
    cardVersion?: number,
  ): Promise<AdaptiveCard> {
    const done = await this.apply(ctx, action, riskId, ownerId, cardVersion, true);
    if (!done.applied) return this.card(done.risk, ctx.locale, [], true);
    return this.card(done.risk, ctx.locale, done.outcomes);
  }

  /**
   * The tab's (and API's) way to act on an escalation: the same services, versions and card updates
   * as the card's buttons; a stale version is a conflict carrying the risk as it stands.
   */
  async actFromTab(
    ctx: RequestContext,
    action: EscalationAction,
    riskId: string,
    version: number,
    ownerId?: string,
  ): Promise<Risk> {
    const done = await this.apply(ctx, action, riskId, ownerId, version, false);
    if (!done.applied) throw new ConflictError('risk', riskId, version, done.risk);
    return done.risk;
  }

  private async apply(
    ctx: RequestContext,
    action: EscalationAction,
    riskId: string,
    ownerId: string | undefined,
    expectedVersion: number | undefined,
    fromCard: boolean,
  ): Promise<{ applied: false; risk: Risk } | { applied: true; risk: Risk; outcomes: EscalationOutcome[] }> {
    const risks = this.deps.services.risks;
    const current = await this.base.store.risks.get(riskId);
    if (!current) throw new NotFoundError('risk', riskId);
    await this.deps.services.audit.enforce(
      ctx,
      canAdminister(ctx.actor),
      { entityType: 'risk', entityId: riskId, projectId: current.projectId },
      action,
    );
    if (
      (expectedVersion !== undefined && expectedVersion !== current.version) ||
      current.status === 'closed'
    ) {
      return { applied: false, risk: current };
    }
    const at = this.base.clock.now().toISOString();
    let risk: Risk;
    const outcomes: EscalationOutcome[] = [];
    if (action === 'acknowledge') {
      risk = await risks.acknowledge(ctx, riskId, current.version);
      outcomes.push({ kind: 'acknowledged', byName: ctx.actor.name, at });
    } else if (action === 'accept') {
      // Accepting: the CTO takes the risk as it stands (response strategy "accept") and acknowledges it.
      const updated = await risks.update(
        ctx,
        riskId,
        { strategy: 'accept', status: 'open' },
        current.version,
      );
      risk = await risks.acknowledge(ctx, riskId, updated.version);
      outcomes.push({ kind: 'accepted', byName: ctx.actor.name, at });
    } else {
      if (!ownerId)
        throw new ValidationError([
          { path: 'ownerId', code: 'required', message: 'choose the new risk owner' },
        ]);
      const updated = await risks.update(ctx, riskId, { ownerId }, current.version);
      risk = await risks.acknowledge(ctx, riskId, updated.version);
      const owner = await this.base.store.people.get(ownerId);
      outcomes.push({ kind: 'reassigned', byName: ctx.actor.name, at, ownerName: owner?.name ?? ownerId });
    }
    // From a card, the answer replaces the actor's own card; from the tab, every copy is updated.
    await this.updateOtherCopies(current, risk, outcomes, fromCard ? ctx.actor.id : undefined);
    return { applied: true, risk, outcomes };
  }

  /** The same escalation sent to other CTOs: their cards show the outcome too. */
  private async updateOtherCopies(
    before: Risk,
    risk: Risk,
    outcomes: EscalationOutcome[],
    actorId: string | undefined,
  ): Promise<void> {
    const records = await this.deps.state.runs.list({ kind: ESCALATION_KIND, period: escalationKey(before) });
    for (const r of records) {
      if (r.recipientId === actorId || !r.activityId) continue;
      const [conversation, person] = await Promise.all([
        this.deps.state.conversations.getPersonal(r.recipientId),
        this.base.store.people.get(r.recipientId),
      ]);
      if (!conversation || !person) continue;
      const card = await this.card(risk, localeOf(person, this.deps.defaultLocale), outcomes);
      await this.deps.messenger.update(conversation, r.activityId, { card });
    }
  }
}
