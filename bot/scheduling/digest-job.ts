// The weekly digest: reads the portfolio once, composes the content (bot/domain/digest.ts), builds a
// card per recipient language and fans it out exactly once per (period, recipient). Also the digest
// actions: preview, acknowledge (audited) and "nudge late owners" (cto).
import { buildDigestCard, titlesById, type DigestCardContent } from '../cards/digest-card.js';
import type { AdaptiveCard } from '../cards/digest-card-kit.js';
import type { LinkTarget } from '../cards/links.js';
import {
  composeDigest,
  digestPeriodAt,
  digestToday,
  MILESTONE_HORIZON_DAYS,
  type DigestInput,
} from '../domain/digest.js';
import { dayAfterCutoff, periodCutoff } from '../domain/as-of.js';
import { digestInputAsOfPeriodEnd } from '../domain/digest-as-of.js';
import type { Locale } from '../domain/locale.js';
import { canAdminister, isCto } from '../domain/permissions.js';
import { previousPeriod, type Period } from '../domain/period.js';
import type { Person } from '../domain/person.js';
import { addDays } from '../domain/primitives.js';
import { t } from '../i18n/translate.js';
import { collectAll } from '../ports/paging.js';
import type { Messenger } from '../ports/messenger.js';
import type { Store } from '../ports/repositories.js';
import type { StateStore } from '../ports/state.js';
import type { RequestContext } from '../services/context.js';
import { allFacts, latestUpdatesAsOf, withRevisionsSince } from '../services/latest-updates.js';
import {
  AWAY_KIND,
  type DeliveryPipeline,
  type Recipient,
  type RunSummary,
} from '../services/digest-runs.js';
import { loadHealthTrend } from '../services/health-trend.js';
import type { Services } from '../services/services.js';

export const DIGEST_KIND = 'digest';

export interface ProactiveDeps {
  services: Services;
  state: StateStore;
  pipeline: DeliveryPipeline;
  messenger: Messenger;
  links: LinkTarget;
  defaultLocale: Locale;
}

/**
 * Reads everything a digest needs, one paged pass per list (no per-project queries; each project's
 * latest updates come from the read models, latest-updates.ts, not from every status update ever
 * filed), and rewinds it to the end of the period (digest-as-of.ts): closed risks and completed
 * milestones are read too, since they may have been open at the time, with the audit events written
 * since the period ended.
 */
export async function loadDigestInput(
  store: Store,
  period: Period,
  now: Date,
  timeZone: string,
  awayIds?: ReadonlySet<string>,
): Promise<DigestInput> {
  const today = digestToday(now, timeZone);
  const cutoff = periodCutoff(period, timeZone);
  const dayAfter = dayAfterCutoff(cutoff);
  const horizonFrom = today < dayAfter ? today : dayAfter;
  const [projects, [latest = [], previous = []], risks, milestones, kpis, measurements, people, audit] =
    await Promise.all([
      collectAll((page) => store.projects.list(page)),
      allFacts(store)
        .then((facts) => latestUpdatesAsOf(store, facts, [period, previousPeriod(period)]))
        .then((lists) => Promise.all(lists.map((list) => withRevisionsSince(store, list, cutoff.atMs)))),
      collectAll((page) => store.risks.list(page)),
      collectAll((page) =>
        store.milestones.list({ dueTo: addDays(horizonFrom, MILESTONE_HORIZON_DAYS), ...page }),
      ),
      collectAll((page) => store.kpis.list(page)),
      collectAll((page) => store.measurements.list(page)),
      collectAll((page) => store.people.list(page)),
      collectAll((page) => store.audit.list({ since: cutoff.at, ...page })),
    ]);
  return digestInputAsOfPeriodEnd(
    {
      period,
      today,
      now,
      timeZone,
      projects,
      latest,
      previous,
      risks,
      milestones,
      kpis,
      measurements,
      people,
      awayIds,
    },
    audit,
  );
}

export function localeOf(person: Pick<Person, 'locale'>, fallback: Locale): Locale {
  return person.locale ?? fallback;
}

export class DigestService {
  constructor(private readonly deps: ProactiveDeps) {}

  private get store(): Store {
    return this.deps.services.deps.store;
  }

  /** The period a digest composed now covers (the last complete week). */
  currentPeriod(): Period {
    const d = this.deps.services.deps;
    return digestPeriodAt(d.clock.now(), d.orgTimeZone);
  }

  async awayIds(period: Period): Promise<Set<string>> {
    const records = await this.deps.state.runs.list({ kind: AWAY_KIND, period, status: 'skipped' });
    return new Set(records.map((r) => r.recipientId));
  }

  /**
   * The digest of the period, with the health trend of the weeks up to it for the chart. Confidential
   * risks are left out unless `confidential` is set: only the Transformation Office (cto role) reads
   * every one of them, so other recipients get the digest without any (stricter than canReadRisk for
   * pillar leads, whose confidential risks stay in the tab).
   */
  async compose(
    period: Period = this.currentPeriod(),
    options: { confidential?: boolean } = {},
  ): Promise<DigestCardContent> {
    const d = this.deps.services.deps;
    const [loaded, trend] = await Promise.all([
      loadDigestInput(this.store, period, d.clock.now(), d.orgTimeZone, await this.awayIds(period)),
      loadHealthTrend(this.store, period),
    ]);
    const input = options.confidential
      ? loaded
      : { ...loaded, risks: loaded.risks.filter((r) => !r.confidential) };
    return { ...composeDigest(input), trend, titles: titlesById(input.projects) };
  }

  card(
    digest: DigestCardContent,
    recipient: Pick<Person, 'role' | 'locale' | 'active'>,
    options: { preview?: boolean; locale?: Locale } = {},
  ): AdaptiveCard {
    return buildDigestCard(digest, {
      locale: options.locale ?? localeOf(recipient, this.deps.defaultLocale),
      links: this.deps.links,
      preview: options.preview,
      canNudge: recipient.active && recipient.role === 'cto',
    });
  }

  /** Everyone who receives the digest: the Transformation Office (cto role) and subscribers. */
  async recipients(): Promise<Person[]> {
    const settings = await this.deps.services.settings.current();
    const people = await collectAll((page) => this.store.people.list({ active: true, ...page }));
    const subscribed = new Set(settings.digestSubscribers);
    return people.filter((p) => p.active && (p.role === 'cto' || subscribed.has(p.id)));
  }

  /** True when every recipient already has a final outcome for the period (nothing to do). */
  async isComplete(period: Period): Promise<boolean> {
    const [recipients, records] = await Promise.all([
      this.recipients(),
      this.deps.state.runs.list({ kind: DIGEST_KIND, period }),
    ]);
    const done = new Set(
      records
        .filter((r) => r.status !== 'pending' && r.status !== 'sending' && r.status !== 'failed')
        .map((r) => r.recipientId),
    );
    return recipients.every((p) => done.has(p.id));
  }

  /** Sends the digest for the period to every recipient who has not had it. */
  async send(period: Period = this.currentPeriod()): Promise<RunSummary> {
    const recipients = await this.recipients();
    const digests = new Map<boolean, Promise<DigestCardContent>>();
    const cards = new Map<string, AdaptiveCard>();
    const cardFor = async (r: Recipient & Pick<Person, 'active'>) => {
      const full = isCto(r);
      let digest = digests.get(full);
      if (!digest) digests.set(full, (digest = this.compose(period, { confidential: full })));
      const locale = localeOf(r, this.deps.defaultLocale);
      const key = `${locale}:${full ? 'cto' : 'other'}`;
      let card = cards.get(key);
      if (!card) cards.set(key, (card = this.card(await digest, r)));
      return card;
    };
    return this.deps.pipeline.run(
      DIGEST_KIND,
      period,
      recipients.map((r) => ({
        recipient: r,
        period,
        message: async () => {
          const card = await cardFor(r);
          return { card, summary: t(localeOf(r, this.deps.defaultLocale), 'digest.title') };
        },
      })),
    );
  }

  /** The CTO (or a subscriber) acknowledges a digest: audited, and the card shows who and when. */
  async acknowledge(ctx: RequestContext, period: Period): Promise<AdaptiveCard> {
    const at = this.deps.services.deps.clock.now().toISOString();
    await this.deps.services.audit.record(
      ctx,
      { entityType: 'person', entityId: ctx.actor.id },
      'acknowledge',
      undefined,
      undefined,
      `digest ${period}`,
    );
    const digest = await this.compose(period, { confidential: isCto(ctx.actor) });
    return buildDigestCard(digest, {
      locale: ctx.locale,
      links: this.deps.links,
      canNudge: canAdminister(ctx.actor).allowed,
      acknowledged: { name: ctx.actor.name, at },
    });
  }
}
