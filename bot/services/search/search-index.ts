// The search index: projects, people, risks and each project's latest status updates held in memory
// with their words already folded, built once from the store and kept up to date on write (the
// ChangeFeed of change-feed.ts names what to re-read). A query then costs matching words in memory,
// not reading the portfolio. Rebuilt whole when the reporting period turns, and after `maxAgeMs`
// when other processes may write (SharePoint with several instances).
import { previousPeriod, comparePeriods, type Period } from '../../domain/period.js';
import type { Person } from '../../domain/person.js';
import { PILLARS } from '../../domain/pillar.js';
import { overviewProjects, type ProjectOverview } from '../../domain/portfolio.js';
import { allProjectTitles, type Project } from '../../domain/project.js';
import type { Risk } from '../../domain/risk.js';
import type { Settings } from '../../domain/settings.js';
import type { StatusUpdate } from '../../domain/status-update.js';
import type { Clock } from '../../ports/clock.js';
import { collectAll } from '../../ports/paging.js';
import type { Store } from '../../ports/repositories.js';
import { changeFeedOf, type ChangeFeed } from './change-feed.js';
import { fold, keyOfCode, words } from './search-text.js';

type UpdateSummary = Pick<
  StatusUpdate,
  'projectId' | 'period' | 'health' | 'percentComplete' | 'submittedAt'
>;

/** The words of an item, by field weight. */
export interface Doc {
  title: ReadonlySet<string>;
  other: ReadonlySet<string>;
  /** Folded text of the same fields, for Chinese (matched as substrings). */
  titleText: string;
  otherText: string;
}

export interface IndexSnapshot {
  period: Period;
  projects: readonly Project[];
  risks: readonly Risk[];
  people: ReadonlyMap<string, Person>;
  projectById: ReadonlyMap<string, Project>;
  projectByCodeKey: ReadonlyMap<string, Project>;
  overviewById: ReadonlyMap<string, ProjectOverview>;
  /** Pillar leads (who may read confidential risks); undefined before the settings exist. */
  settings: Pick<Settings, 'pillarLeads'>;
  projectDoc(project: Project): Doc;
  riskDoc(risk: Risk): Doc;
}

function docOf(title: readonly string[], other: readonly string[]): Doc {
  const titleText = fold(title.join(' '));
  const otherText = fold(other.join(' '));
  return { title: new Set(words(titleText)), other: new Set(words(otherText)), titleText, otherText };
}

function pillarNames(code: string): string[] {
  const pillar = PILLARS.find((p) => p.code === code);
  return pillar ? Object.values(pillar.name) : [];
}

export interface SearchIndexOptions {
  store: Store;
  clock: Clock;
  currentPeriod: () => Period;
  /** Rebuild after this long even without noted changes (other writers); undefined: never. */
  maxAgeMs?: number;
}

export class SearchIndex {
  private readonly feed: ChangeFeed | undefined;
  private built?: {
    at: number;
    period: Period;
    projects: Map<string, Project>;
    people: Map<string, Person>;
    risks: Map<string, Risk>;
    latest: Map<string, UpdateSummary>;
    previous: Map<string, UpdateSummary>;
    settings: Pick<Settings, 'pillarLeads'>;
  };
  private cache?: { key: string; snapshot: IndexSnapshot };
  private syncing?: Promise<void>;
  private seen = -1;
  /** Each item's words, computed once per stored version of it (people's names are in them too). */
  private docs = new WeakMap<object, Doc>();

  constructor(private readonly options: SearchIndexOptions) {
    this.feed = changeFeedOf(options.store);
  }

  /** The index as of now (re-reading what changed since the last call). */
  async snapshot(): Promise<IndexSnapshot> {
    while (this.syncing) await this.syncing;
    const period = this.options.currentPeriod();
    const now = this.options.clock.now().getTime();
    const stale =
      !this.built ||
      this.built.period !== period ||
      !this.feed ||
      (this.options.maxAgeMs !== undefined && now - this.built.at > this.options.maxAgeMs);
    if (stale || this.feed?.sequence !== this.seen) {
      this.syncing = (stale ? this.rebuild(period, now) : this.applyChanges()).finally(() => {
        this.syncing = undefined;
      });
      await this.syncing;
    }
    return this.view(now);
  }

  private async rebuild(period: Period, now: number): Promise<void> {
    const store = this.options.store;
    this.feed?.drain();
    this.seen = this.feed?.sequence ?? -1;
    const [projects, people, risks, latest, previous, settings] = await Promise.all([
      collectAll((page) => store.projects.list(page)),
      collectAll((page) => store.people.list(page)),
      collectAll((page) => store.risks.list(page)),
      collectAll((page) => store.statusUpdates.latestPerProject({ upToPeriod: period, ...page })),
      collectAll((page) =>
        store.statusUpdates.latestPerProject({ upToPeriod: previousPeriod(period), ...page }),
      ),
      store.settings.get(),
    ]);
    this.built = {
      at: now,
      period,
      projects: new Map(projects.map((p) => [p.id, p])),
      people: new Map(people.map((p) => [p.id, p])),
      risks: new Map(risks.map((r) => [r.id, r])),
      latest: new Map(latest.map((u) => [u.projectId, u])),
      previous: new Map(previous.map((u) => [u.projectId, u])),
      settings: settings ?? { pillarLeads: {} },
    };
    this.docs = new WeakMap();
    this.cache = undefined;
  }

  private async applyChanges(): Promise<void> {
    const built = this.built;
    const feed = this.feed;
    if (!built || !feed) return;
    this.seen = feed.sequence;
    const changed = feed.drain();
    const store = this.options.store;
    const ids = (table: Parameters<ChangeFeed['note']>[0]) => [...(changed.get(table) ?? [])];
    const updateProjects = ids('statusUpdates');
    const [projects, people, risks, updates, settings] = await Promise.all([
      store.projects.getMany(ids('projects')),
      store.people.getMany(ids('people')),
      store.risks.getMany(ids('risks')),
      Promise.all(updateProjects.map((id) => store.statusUpdates.listByProject(id, { limit: 5 }))),
      changed.has('settings') ? store.settings.get() : undefined,
    ]);
    if (settings) built.settings = settings;
    for (const p of projects) built.projects.set(p.id, p);
    for (const p of people) built.people.set(p.id, p);
    if (people.length > 0 || projects.length > 0) this.docs = new WeakMap();
    for (const r of risks) built.risks.set(r.id, r);
    const previous = previousPeriod(built.period);
    updateProjects.forEach((projectId, i) => {
      const items = updates[i]?.items ?? [];
      const upTo = (limit: Period) => items.find((u) => comparePeriods(u.period, limit) <= 0);
      const latest = upTo(built.period);
      const before = upTo(previous);
      if (latest) built.latest.set(projectId, latest);
      else built.latest.delete(projectId);
      if (before) built.previous.set(projectId, before);
      else built.previous.delete(projectId);
    });
    this.cache = undefined;
  }

  private view(now: number): IndexSnapshot {
    const built = this.built;
    if (!built) throw new Error('search index not built');
    // Days since the last update move with the clock: recompute the derived view once a minute.
    const key = `${this.seen}:${Math.floor(now / 60_000)}`;
    if (this.cache?.key === key) return this.cache.snapshot;
    const projects = [...built.projects.values()].sort((a, b) =>
      a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
    );
    const risks = [...built.risks.values()];
    const overviews = overviewProjects({
      projects,
      latest: [...built.latest.values()],
      previous: [...built.previous.values()],
      risks,
      currentPeriod: built.period,
      now: new Date(now),
    });
    const projectById = new Map(projects.map((p) => [p.id, p]));
    const projectByCodeKey = new Map<string, Project>();
    for (const p of projects) {
      const k = keyOfCode(p.code);
      if (k) projectByCodeKey.set(k, p);
    }
    const people = built.people;
    const docs = this.docs;
    const snapshot: IndexSnapshot = {
      period: built.period,
      projects,
      risks,
      people,
      projectById,
      projectByCodeKey,
      overviewById: new Map(overviews.map((o) => [o.project.id, o])),
      settings: built.settings,
      projectDoc(p) {
        let doc = docs.get(p);
        if (!doc) {
          doc = docOf(allProjectTitles(p), [
            p.code,
            ...pillarNames(p.pillar),
            people.get(p.ownerId)?.name ?? '',
            p.orgUnit,
          ]);
          docs.set(p, doc);
        }
        return doc;
      },
      riskDoc(r) {
        let doc = docs.get(r);
        if (!doc) {
          const project = r.projectId ? projectById.get(r.projectId) : undefined;
          doc = docOf(
            [r.title],
            [
              r.category,
              r.ownerId ? (people.get(r.ownerId)?.name ?? '') : '',
              ...(project ? [project.code, ...allProjectTitles(project)] : []),
            ],
          );
          docs.set(r, doc);
        }
        return doc;
      },
    };
    this.cache = { key, snapshot };
    return snapshot;
  }
}
