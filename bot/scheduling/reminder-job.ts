// Reminders to project owners whose status update for the current period is missing: the first at
// the reminder schedule's weekday and time in each owner's own time zone, a second nudge the next
// working day, and an immediate nudge when the CTO presses "nudge late owners". People who are away
// for the period are left alone. The moment an update arrives, reminders not yet sent are cancelled
// and those already delivered are replaced by a thank-you card.
import { buildReminderCard, reminderAwayCard, reminderReceivedCard } from '../cards/reminder-card.js';
import type { AdaptiveCard } from '../cards/digest-card-kit.js';
import { statusUpdateFormCard } from '../cards/status-update-card.js';
import { ValidationError } from '../domain/errors.js';
import { canAdminister, canNudgeOwner } from '../domain/permissions.js';
import { comparePeriods, Period, periodOf, periodStart, weeksBetween } from '../domain/period.js';
import type { Person } from '../domain/person.js';
import { addDays } from '../domain/primitives.js';
import { expectsReporting, type Project } from '../domain/project.js';
import { isUpdateMissing, reportingState } from '../domain/reporting.js';
import type { ReminderSchedule } from '../domain/settings.js';
import { isoWeekday, zonedTimeToInstant } from '../domain/zoned-time.js';
import { t } from '../i18n/translate.js';
import { collectAll } from '../ports/paging.js';
import { skipUnclaimed, type SkipOutcome } from '../ports/state.js';
import type { RequestContext } from '../services/context.js';
import { AWAY_KIND, type RunSummary } from '../services/digest-runs.js';
import { localeOf, type ProactiveDeps } from './digest-job.js';

export const REMINDER_KIND = 'reminder';
export const SECOND_REMINDER_KIND = 'reminder-2';
export const NUDGE_KIND = 'reminder-nudge';
const REMINDER_KINDS = [REMINDER_KIND, SECOND_REMINDER_KIND, NUDGE_KIND] as const;
const MAX_SETTLED = 10_000;

/** How long arriving updates gather before their reminders are settled together, and at most how many. */
export const ARRIVAL_BATCH_MS = 25;
const MAX_ARRIVAL_BATCH = 200;

interface Arrival {
  projectId: string;
  period: Period;
  /** Resolves once this arrival's reminders are settled; rejects with what went wrong for it. */
  done: Promise<void>;
  settle(error?: unknown): void;
}

interface ArrivalBatch {
  /** By reminder key: the same project and period twice is settled once. */
  items: Map<string, Arrival>;
  /** Settles now rather than when the batch's time is up. */
  settle(): void;
}

const toError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/** How far ahead someone may declare an absence. */
export const AWAY_WEEKS_AHEAD = 26;

export interface LateProject {
  owner: Person;
  project: Project;
}

/** The run period key of a reminder: one per period and project. */
export function reminderKey(period: Period, projectId: string): string {
  return `${period}/${projectId}`;
}

/** When the first reminder (or the second nudge, the next working day) is due for someone. */
export function reminderInstant(
  schedule: Pick<ReminderSchedule, 'weekday' | 'time'>,
  period: Period,
  timeZone: string,
  second: boolean,
): Date {
  let date = addDays(periodStart(period), schedule.weekday - 1);
  if (second) {
    date = addDays(date, 1);
    while (isoWeekday(date) > 5) date = addDays(date, 1);
  }
  return zonedTimeToInstant(date, schedule.time, timeZone);
}

export class ReminderService {
  constructor(private readonly deps: ProactiveDeps) {}

  private get base() {
    return this.deps.services.deps;
  }

  currentPeriod(): Period {
    return periodOf(this.base.clock.now(), this.base.orgTimeZone);
  }

  async awayIds(period: Period): Promise<Set<string>> {
    const records = await this.deps.state.runs.list({ kind: AWAY_KIND, period, status: 'skipped' });
    return new Set(records.map((r) => r.recipientId));
  }

  /** Projects whose update for `period` is missing, with their active owner (away owners left out). */
  async lateProjects(period: Period): Promise<LateProject[]> {
    const store = this.base.store;
    const [projects, latest, away] = await Promise.all([
      collectAll((page) => store.projects.list(page)),
      collectAll((page) => store.statusUpdates.latestPerProject({ upToPeriod: period, ...page })),
      this.awayIds(period),
    ]);
    const last = new Map(latest.map((u) => [u.projectId, u.period]));
    const late = projects.filter(
      (p) => expectsReporting(p) && isUpdateMissing(reportingState(p, last.get(p.id), period)),
    );
    const owners = new Map(
      (await store.people.getMany([...new Set(late.map((p) => p.ownerId))])).map((person) => [
        person.id,
        person,
      ]),
    );
    return late.flatMap((project) => {
      const owner = owners.get(project.ownerId);
      return owner && owner.active && !away.has(owner.id) ? [{ owner, project }] : [];
    });
  }

  private async card(
    kind: string,
    owner: Person,
    project: Project,
    period: Period,
    nudgedBy?: string,
  ): Promise<AdaptiveCard | undefined> {
    // The update may have arrived since the list was made: then nothing is sent.
    const store = this.base.store;
    if (await store.statusUpdates.getForPeriod(project.id, period)) return undefined;
    const previous = (await store.statusUpdates.listByProject(project.id, { limit: 5 })).items.find(
      (u) => u.period < period,
    );
    const locale = localeOf(owner, this.deps.defaultLocale);
    const cardProject = { id: project.id, code: project.code, title: project.title, titles: project.titles };
    const form = statusUpdateFormCard({
      project: cardProject,
      period,
      previous,
      locale,
      links: this.deps.links,
      // One key per reminder card: a replayed submit from it is stored once.
      submissionKey: `${kind}:${period}:${project.id}`,
    });
    return buildReminderCard({
      locale,
      links: this.deps.links,
      project: cardProject,
      period,
      second: kind === SECOND_REMINDER_KIND,
      nudgedBy,
      form,
    });
  }

  private async sendTo(
    kind: string,
    period: Period,
    late: readonly LateProject[],
    nudgedBy?: string,
  ): Promise<RunSummary> {
    return this.deps.pipeline.run(
      kind,
      period,
      late.map(({ owner, project }) => ({
        recipient: owner,
        period: reminderKey(period, project.id),
        message: async () => {
          const card = await this.card(kind, owner, project, period, nudgedBy);
          return card
            ? {
                card,
                summary: t(localeOf(owner, this.deps.defaultLocale), 'reminder.title', {
                  code: project.code,
                }),
              }
            : undefined;
        },
      })),
    );
  }

  /**
   * Sends the reminders and second nudges that are due by now in each owner's time zone, for the
   * current period. Runs from the scheduler (and at start, catching up); idempotent.
   */
  async sendDue(): Promise<RunSummary[]> {
    const settings = await this.deps.services.settings.current();
    if (!settings.reminder.enabled) return [];
    const now = this.base.clock.now();
    const period = this.currentPeriod();
    const late = await this.lateProjects(period);
    const firstDue = late.filter(
      (l) => reminderInstant(settings.reminder, period, l.owner.timeZone, false) <= now,
    );
    const secondDue = settings.reminder.secondNudge
      ? firstDue.filter((l) => reminderInstant(settings.reminder, period, l.owner.timeZone, true) <= now)
      : [];
    const summaries: RunSummary[] = [];
    if (firstDue.length) summaries.push(await this.sendTo(REMINDER_KIND, period, firstDue));
    if (secondDue.length) summaries.push(await this.sendTo(SECOND_REMINDER_KIND, period, secondDue));
    return summaries;
  }

  /** "Nudge late owners" from the digest (cto): the owners still missing the digest's period. */
  async nudge(ctx: RequestContext, period: Period): Promise<RunSummary> {
    await this.deps.services.audit.enforce(
      ctx,
      canAdminister(ctx.actor),
      { entityType: 'settings', entityId: 'digest' },
      'nudge',
    );
    const late = await this.lateProjects(period);
    const summary = await this.sendTo(NUDGE_KIND, period, late, ctx.actor.name);
    await this.deps.services.audit.record(
      ctx,
      { entityType: 'settings', entityId: 'digest' },
      'nudge',
      undefined,
      undefined,
      `digest ${period}: ${late.length} late`,
    );
    return summary;
  }

  /**
   * "Nudge" from the tab's Needs attention (the CTO, or a lead of the project's pillar): a reminder
   * to the owner of one project whose update is missing this week, at most once per week and project.
   */
  async nudgeProject(ctx: RequestContext, projectIdOrCode: string): Promise<RunSummary> {
    const project = await this.deps.services.projects.lookup.require(projectIdOrCode);
    const settings = await this.deps.services.settings.current();
    const target = { entityType: 'project', entityId: project.id, projectId: project.id } as const;
    await this.deps.services.audit.enforce(ctx, canNudgeOwner(ctx.actor, project, settings), target, 'nudge');
    const period = this.currentPeriod();
    const late = (await this.lateProjects(period)).filter((l) => l.project.id === project.id);
    const summary = await this.sendTo(NUDGE_KIND, period, late, ctx.actor.name);
    await this.deps.services.audit.record(ctx, target, 'nudge', undefined, undefined, `update ${period}`);
    return summary;
  }

  /**
   * An update arrived: reminders for that project and period not sent yet are cancelled (recorded
   * skipped), and delivered ones are replaced by a thank-you card. Once every reminder of the
   * period is skipped, no claim can take them over any more, so later updates of that period
   * (amendments) do not claim again: each claim is a write transaction.
   *
   * Arrivals gather for a moment (ARRIVAL_BATCH_MS, or until MAX_ARRIVAL_BATCH of them) and are
   * settled together: one project read and one run-store transaction for the whole batch instead of
   * one commit per submission. Nothing depends on the cancellation being immediate: a reminder
   * re-reads the update just before it is sent (`card` above). Resolves once this arrival is settled.
   */
  onUpdateSubmitted(projectId: string, period: Period): Promise<void> {
    const batch = (this.arrivals ??= this.arrivalBatch());
    const key = reminderKey(period, projectId);
    let arrival = batch.items.get(key);
    if (!arrival) {
      let settle: Arrival['settle'] = () => undefined;
      const done = new Promise<void>((resolve, reject) => {
        settle = (error) => (error === undefined ? resolve() : reject(toError(error)));
      });
      arrival = { projectId, period, done, settle };
      batch.items.set(key, arrival);
    }
    if (batch.items.size >= MAX_ARRIVAL_BATCH) batch.settle();
    return arrival.done;
  }

  /** The arrivals not settled yet. */
  private arrivals: ArrivalBatch | undefined;

  private arrivalBatch(): ArrivalBatch {
    const items = new Map<string, Arrival>();
    const settle = () => {
      clearTimeout(timer);
      if (this.arrivals?.items !== items) return;
      this.arrivals = undefined;
      const arrivals = [...items.values()];
      // Whatever fails for the batch as a whole (reading the projects, the run store) fails each arrival.
      this.settleArrivals(arrivals).catch((error: unknown) => {
        for (const a of arrivals) a.settle(error);
      });
    };
    const timer = setTimeout(settle, ARRIVAL_BATCH_MS);
    return { items, settle };
  }

  private async settleArrivals(arrivals: readonly Arrival[]): Promise<void> {
    const ids = [...new Set(arrivals.map((a) => a.projectId))];
    const projects = new Map((await this.base.store.projects.getMany(ids)).map((p) => [p.id, p]));
    const open = arrivals.flatMap((arrival) => {
      const project = projects.get(arrival.projectId);
      const settledKey =
        project && JSON.stringify([reminderKey(arrival.period, project.id), project.ownerId]);
      if (!project || !settledKey || this.settled.has(settledKey)) {
        arrival.settle();
        return [];
      }
      return [{ arrival, project, settledKey }];
    });
    if (open.length === 0) return;
    const outcomes = await skipUnclaimed(
      this.deps.state.runs,
      open.flatMap(({ arrival, project }) =>
        REMINDER_KINDS.map((kind) => ({
          kind,
          period: reminderKey(arrival.period, project.id),
          recipientId: project.ownerId,
        })),
      ),
      this.base.clock.now().toISOString(),
      'update received',
    );
    // Each arrival is answered on its own: one owner's card that cannot be replaced does not keep
    // the others' thank-you cards from going out.
    for (const [i, { arrival, project, settledKey }] of open.entries()) {
      const mine = outcomes.slice(i * REMINDER_KINDS.length, (i + 1) * REMINDER_KINDS.length);
      try {
        await this.thankOwner(project, arrival.period, mine);
      } catch (error) {
        arrival.settle(error);
        continue;
      }
      if (mine.every((o) => o.skipped || o.record?.status === 'skipped')) {
        if (this.settled.size >= MAX_SETTLED) this.settled.clear();
        this.settled.add(settledKey);
      }
      arrival.settle();
    }
  }

  /** Replaces each delivered reminder of this project and period by a thank-you card. */
  private async thankOwner(
    project: Project,
    period: Period,
    outcomes: readonly SkipOutcome[],
  ): Promise<void> {
    for (const outcome of outcomes) {
      if (outcome.skipped) continue;
      const { record } = outcome;
      if (
        !record?.activityId ||
        (record.status !== 'delivered' && record.status !== 'throttled-then-delivered')
      )
        continue;
      const conversation = await this.deps.state.conversations.getPersonal(project.ownerId);
      if (!conversation) continue;
      const owner = await this.base.store.people.get(project.ownerId);
      const card = reminderReceivedCard({
        locale: owner ? localeOf(owner, this.deps.defaultLocale) : this.deps.defaultLocale,
        links: this.deps.links,
        project: { id: project.id, code: project.code, title: project.title, titles: project.titles },
        period,
      });
      await this.deps.messenger.update(conversation, record.activityId, { card });
    }
  }

  /** Reminder runs (period key and owner) whose every kind is skipped: final (bounded). */
  private readonly settled = new Set<string>();

  /** Parses the optional period of `away [period]`: the current week when empty. */
  parseAwayPeriod(text: string | undefined): Period {
    const current = this.currentPeriod();
    const value = (text ?? '').trim().toUpperCase();
    if (!value) return current;
    const parsed = Period.safeParse(value);
    if (
      !parsed.success ||
      comparePeriods(parsed.data, current) < 0 ||
      weeksBetween(current, parsed.data) > AWAY_WEEKS_AHEAD
    ) {
      throw new ValidationError([
        {
          path: 'period',
          code: 'away_period',
          message: `expected this week or a later one, such as ${current}`,
          params: { current },
        },
      ]);
    }
    return parsed.data;
  }

  /** The actor is away for a period: no reminders that week; the digest shows them as away. Audited. */
  async setAway(ctx: RequestContext, periodText?: string): Promise<{ period: Period; card: AdaptiveCard }> {
    const period = this.parseAwayPeriod(periodText);
    const at = this.base.clock.now().toISOString();
    const key = { kind: AWAY_KIND, period, recipientId: ctx.actor.id };
    const before = await this.deps.state.runs.get(key);
    await this.deps.state.runs.record({
      ...key,
      status: 'skipped',
      attempts: 0,
      detail: 'away',
      activityId: null,
      updatedAt: at,
    });
    if (before?.status !== 'skipped') {
      await this.deps.services.audit.record(
        ctx,
        { entityType: 'person', entityId: ctx.actor.id },
        'update',
        { away: null },
        { away: period },
        `away ${period}`,
      );
    }
    return { period, card: reminderAwayCard({ locale: ctx.locale, period }) };
  }

  /** Cancels a declared absence. */
  async clearAway(ctx: RequestContext, periodText: string): Promise<Period> {
    const parsed = Period.safeParse(periodText.trim().toUpperCase());
    if (!parsed.success)
      throw new ValidationError([
        { path: 'period', code: 'invalid', message: 'expected an ISO week such as 2026-W48' },
      ]);
    const key = { kind: AWAY_KIND, period: parsed.data, recipientId: ctx.actor.id };
    const before = await this.deps.state.runs.get(key);
    if (before?.status === 'skipped') {
      // `failed` is the run store's "not final" state: the absence no longer counts.
      await this.deps.state.runs.record({
        ...key,
        status: 'failed',
        attempts: 0,
        detail: 'away cancelled',
        activityId: null,
        updatedAt: this.base.clock.now().toISOString(),
      });
      await this.deps.services.audit.record(
        ctx,
        { entityType: 'person', entityId: ctx.actor.id },
        'update',
        { away: parsed.data },
        { away: null },
        `away cancelled ${parsed.data}`,
      );
    }
    return parsed.data;
  }

  /** The absences a person declared from the current period on. */
  async awayPeriods(personId: string): Promise<Period[]> {
    const current = this.currentPeriod();
    const records = await this.deps.state.runs.list({ kind: AWAY_KIND, status: 'skipped' });
    return records
      .filter((r) => r.recipientId === personId && comparePeriods(r.period, current) >= 0)
      .map((r) => r.period)
      .sort();
  }
}
