// A synthetic portfolio of any size for benchmarks and load tests: realistic shapes (phases, health
// trends, overdue reporting, risks of every level, milestones around today, KPIs with measurements)
// from a seeded PRNG, so the same options always give the same data. Per project: about 10 status
// updates, 5 risks and 4 milestones; one KPI per 5 projects with 6 measurements; a roster of about
// one person per 3 projects that always includes the five DEMO_PERSONAS. Pure.
import { SUPPORTED_LOCALES, type Locale } from '../domain/locale.js';
import type { Kpi, Measurement } from '../domain/kpi.js';
import type { Milestone } from '../domain/milestone.js';
import { ORG_UNITS } from '../domain/org-unit.js';
import { periodStart, shiftPeriod, type Period } from '../domain/period.js';
import type { Person, Role } from '../domain/person.js';
import { PILLAR_CODES, pillarName, type PillarCode } from '../domain/pillar.js';
import { addDays, type IsoDate } from '../domain/primitives.js';
import { REPORTING_PHASES, type Project, type ProjectKind, type ProjectPhase } from '../domain/project.js';
import { applyRiskRules, type Rating, type Risk, type RiskStatus } from '../domain/risk.js';
import { defaultSettings, type Settings } from '../domain/settings.js';
import type { HealthDimensions, StatusUpdate, StatusUpdateRevision } from '../domain/status-update.js';
import type { Health } from '../domain/health.js';
import { zonedTimeToInstant } from '../domain/zoned-time.js';
import { buildPerson, emailLocalPart, SEED_EMAIL_DOMAIN } from './build-person.js';
import { DEMO_PERSONA_LIST } from './personas.js';
import { mulberry32, type Prng } from './prng.js';
import type { SeedData } from './seed-data.js';
import { seedTime, type SeedTime } from './seed-time.js';
import {
  ACHIEVEMENTS,
  ACTIONS,
  BLOCKERS,
  FIRST_NAMES,
  KPI_TEMPLATES,
  LAST_NAMES,
  MILESTONE_TITLES,
  NEXT_STEPS,
  RISK_TEMPLATES,
  SUBJECTS,
  SUMMARIES,
} from './synthetic/vocabulary.js';

export interface SyntheticPortfolioOptions {
  projects: number;
  now: Date;
  timeZone: string;
  /** PRNG seed; the same seed gives the same portfolio. Default 1. */
  seed?: number;
}

export const UPDATES_PER_PROJECT = 10;
export const RISKS_PER_PROJECT = 5;
export const MILESTONES_PER_PROJECT = 4;
export const PROJECTS_PER_KPI = 5;
export const MEASUREMENTS_PER_KPI = 6;
export const PROJECTS_PER_PERSON = 3;

const DAY_MS = 86_400_000;
const ORG_CODES = ORG_UNITS.map((u) => u.code);
const REGIONAL_ZONES: Readonly<Record<string, string>> = {
  'RO-AFR': 'Africa/Addis_Ababa',
  'RO-AMS': 'America/Sao_Paulo',
  'RO-ARB': 'Africa/Cairo',
  'RO-ASP': 'Asia/Bangkok',
  'RO-CIS': 'Europe/Moscow',
};
const LOCALES: ReadonlyArray<Locale | null> = [...SUPPORTED_LOCALES, 'en', 'fr', null];
const HEALTHS: readonly Health[] = ['green', 'amber', 'red'];

interface Roster {
  people: Person[];
  ctos: string[];
  owners: string[];
  changemakers: string[];
  everyone: string[];
}

interface Ctx {
  rng: Prng;
  t: SeedTime;
  nowMs: number;
  threshold: number;
  periodBase: Map<Period, number>;
  /** The period n weeks before the current one, by n. */
  periodsBack: Map<number, Period>;
  pad: (n: number) => string;
}

function padder(total: number): (n: number) => string {
  const width = Math.max(4, String(total).length);
  return (n) => String(n).padStart(width, '0');
}

/** Codes like TR-07 allow four digits; after 9999 the prefix grows a letter (TRA-0001, TRB-0001, ...). */
export function syntheticCode(prefix: string, n: number): string {
  const block = Math.floor((n - 1) / 9999);
  const num = ((n - 1) % 9999) + 1;
  let letters = '';
  for (let b = block; b > 0; b = Math.floor((b - 1) / 26))
    letters = String.fromCharCode(65 + ((b - 1) % 26)) + letters;
  return `${prefix}${letters}-${String(num).padStart(2, '0')}`;
}

function isoAt(ctx: Ctx, ms: number): string {
  return new Date(Math.min(ms, ctx.nowMs)).toISOString();
}

function daysAgoIso(ctx: Ctx, days: number): string {
  return isoAt(ctx, ctx.nowMs - days * DAY_MS - ctx.rng.int(0, 8 * 60) * 60_000);
}

function today(ctx: Ctx, days: number): IsoDate {
  return addDays(ctx.t.today, days);
}

function periodBack(ctx: Ctx, weeks: number): Period {
  let period = ctx.periodsBack.get(weeks);
  if (period === undefined) {
    period = shiftPeriod(ctx.t.current, -weeks);
    ctx.periodsBack.set(weeks, period);
  }
  return period;
}

/** Monday 00:00 of a period in the seed's time zone, computed once per period. */
function periodBase(ctx: Ctx, period: Period): number {
  let base = ctx.periodBase.get(period);
  if (base === undefined) {
    base = zonedTimeToInstant(periodStart(period), '00:00', ctx.t.timeZone).getTime();
    ctx.periodBase.set(period, base);
  }
  return base;
}

function buildRoster(ctx: Ctx, size: number): Roster {
  const { rng, t } = ctx;
  const people: Person[] = DEMO_PERSONA_LIST.map((p) => buildPerson({ ...p }, t.nowIso));
  for (let i = 1; people.length < size; i++) {
    const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    const orgUnit = rng.pick(ORG_CODES);
    const role = rng.weighted<Role>([
      ['cto', 3],
      ['owner', 35],
      ['changemaker', 35],
      ['viewer', 27],
    ]);
    people.push(
      buildPerson(
        {
          id: `p-syn-${ctx.pad(i)}`,
          name,
          role,
          orgUnit,
          locale: rng.pick(LOCALES),
          timeZone: REGIONAL_ZONES[orgUnit] ?? 'Europe/Zurich',
          aadObjectId: `00000000-0000-4000-8002-${i.toString(16).padStart(12, '0')}`,
          email: `${emailLocalPart(name)}.${i}@${SEED_EMAIL_DOMAIN}`,
        },
        t.nowIso,
      ),
    );
  }
  const ids = (role: Role) => people.filter((p) => p.role === role).map((p) => p.id);
  return {
    people,
    ctos: ids('cto'),
    owners: ids('owner'),
    changemakers: ids('changemaker'),
    everyone: people.map((p) => p.id),
  };
}

function buildProjects(ctx: Ctx, count: number, roster: Roster): Project[] {
  const { rng, t } = ctx;
  const counters: Record<ProjectKind, number> = { 'accelerated-initiative': 0, project: 0, 'change-case': 0 };
  const prefix: Record<ProjectKind, string> = {
    'accelerated-initiative': 'AI',
    project: 'TR',
    'change-case': 'CC',
  };
  const leadPool = [...roster.owners, ...roster.ctos];
  const projects: Project[] = [];
  for (let i = 1; i <= count; i++) {
    // The first projects pin what the app and the tests rely on: an Accelerated Initiative owned by
    // the owner persona, a change case with the ChangeMaker persona, and every pillar.
    const kind: ProjectKind =
      i === 1
        ? 'accelerated-initiative'
        : i === 2
          ? 'change-case'
          : rng.weighted<ProjectKind>([
              ['project', 85],
              ['change-case', 12],
              ['accelerated-initiative', 3],
            ]);
    counters[kind] += 1;
    const pillar: PillarCode =
      i <= PILLAR_CODES.length ? (PILLAR_CODES[i - 1] as PillarCode) : rng.pick(PILLAR_CODES);
    const orgUnit = rng.pick(ORG_CODES);
    const ownerId = i === 1 || i % 40 === 3 ? 'p-owner' : rng.pick(roster.owners);
    const phase: ProjectPhase =
      i <= 2
        ? 'executing'
        : rng.weighted<ProjectPhase>([
            ['proposed', 5],
            ['planning', 20],
            ['executing', 58],
            ['on-hold', 5],
            ['closing', 5],
            ['done', 5],
            ['cancelled', 2],
          ]);
    let start: number;
    let due: number;
    if (phase === 'proposed') {
      start = rng.int(0, 60);
      due = start + rng.int(120, 600);
    } else if (phase === 'done' || phase === 'cancelled') {
      due = -rng.int(1, 90);
      start = due - rng.int(120, 600);
    } else {
      start = -rng.int(30, 700);
      due = Math.max(start + rng.int(90, 900), rng.int(7, 60));
    }
    const budget = rng.chance(0.4) ? rng.int(10, 400) * 5_000 : null;
    const spent = phase === 'done' ? 0.85 + rng.next() * 0.15 : phase === 'proposed' ? 0 : rng.next() * 0.8;
    const members =
      kind === 'change-case'
        ? rng.sample(
            roster.changemakers.filter((id) => id !== 'p-changemaker'),
            rng.int(3, 8),
          )
        : [];
    if (i === 2) members.unshift('p-changemaker');
    const subject = rng.pick(SUBJECTS[pillar]);
    const title = `${rng.pick(ACTIONS)} ${subject}`;
    const orgName = ORG_UNITS.find((u) => u.code === orgUnit)?.name ?? orgUnit;
    projects.push({
      id: `prj-syn-${ctx.pad(i)}`,
      code: syntheticCode(prefix[kind], counters[kind]),
      title,
      kind,
      pillar,
      orgUnit,
      ownerId,
      leadIds: rng.sample(
        leadPool.filter((id) => id !== ownerId),
        rng.int(0, 2),
      ),
      sponsorId: rng.chance(0.7) ? rng.pick(leadPool) : null,
      phase,
      startDate: today(ctx, start),
      dueDate: today(ctx, due),
      budgetChf: budget,
      spendChf: budget === null ? null : Math.round((budget * spent) / 1_000) * 1_000,
      description: `${title} (${pillarName(pillar, 'en')} pillar), led by the ${orgName}.`,
      dependencies: i > 1 && rng.chance(0.1) ? [`prj-syn-${ctx.pad(rng.int(1, i - 1))}`] : [],
      memberIds: members,
      version: 1,
      createdAt: t.nowIso,
      updatedAt: t.nowIso,
    });
  }
  return projects;
}

function nextHealth(rng: Prng, h: Health): Health {
  if (rng.chance(0.8)) return h;
  const i = HEALTHS.indexOf(h) + (rng.chance(0.5) ? 1 : -1);
  return HEALTHS[Math.max(0, Math.min(2, i))] ?? h;
}

function dimensionsFor(rng: Prng, h: Health): HealthDimensions {
  if (h === 'green') return {};
  return rng.weighted<keyof HealthDimensions>([
    ['schedule', 3],
    ['budget', 1],
    ['scope', 1],
  ]) === 'schedule'
    ? { schedule: h }
    : rng.chance(0.5)
      ? { budget: h }
      : { scope: h };
}

function buildUpdates(ctx: Ctx, project: Project, out: StatusUpdate[]): void {
  const { rng, t } = ctx;
  if (project.phase === 'proposed') return;
  const reporting = REPORTING_PHASES.has(project.phase);
  const last = reporting
    ? rng.weighted<number>([
        [0, 30],
        [1, 55],
        [2, 8],
        [3, 7],
      ])
    : rng.int(3, 12);
  const authors = [project.ownerId, ...project.leadIds, ...project.memberIds];
  let health: Health = rng.weighted<Health>([
    ['green', 70],
    ['amber', 25],
    ['red', 5],
  ]);
  let percent = rng.int(0, 50);
  for (let w = UPDATES_PER_PROJECT - 1; w >= 0; w--) {
    const period = periodBack(ctx, last + w);
    health = nextHealth(rng, health);
    percent = w === 0 && project.phase === 'done' ? 100 : Math.min(100, percent + rng.int(0, 6));
    const base = periodBase(ctx, period);
    const submittedMs = base + rng.int(2, 4) * DAY_MS + rng.int(8 * 60, 18 * 60) * 60_000;
    const revision: StatusUpdateRevision = {
      health,
      dimensions: dimensionsFor(rng, health),
      percentComplete: percent,
      summary: rng.pick(SUMMARIES),
      achievements: rng.pick(ACHIEVEMENTS),
      nextSteps: rng.pick(NEXT_STEPS),
      blockers: health === 'green' ? '' : rng.pick(BLOCKERS),
      authorId: rng.pick(authors),
      submittedAt: isoAt(ctx, submittedMs),
      source: rng.chance(0.7) ? 'bot' : 'tab',
      submissionKey: null,
    };
    const history: StatusUpdateRevision[] = rng.chance(0.05)
      ? [
          {
            ...revision,
            health: health === 'green' ? 'amber' : 'green',
            summary: rng.pick(SUMMARIES),
            submittedAt: isoAt(ctx, Math.max(base, submittedMs - 3 * 3_600_000)),
          },
        ]
      : [];
    out.push({
      id: `su-${project.id}-${period}`,
      projectId: project.id,
      period,
      ...revision,
      history,
      version: 1,
      createdAt: t.nowIso,
      updatedAt: t.nowIso,
    });
  }
}

function buildRisk(ctx: Ctx, id: string, project: Project | null, roster: Roster): Risk {
  const { rng, t } = ctx;
  const template = rng.pick(RISK_TEMPLATES);
  const status = rng.weighted<RiskStatus>([
    ['proposed', 10],
    ['open', 45],
    ['mitigating', 25],
    ['escalated', 5],
    ['closed', 15],
  ]);
  // Most registered risks are minor: ratings lean low, so about one in ten ends up critical.
  const rating = (): Rating =>
    rng.weighted<Rating>([
      [1, 20],
      [2, 30],
      [3, 30],
      [4, 14],
      [5, 6],
    ]);
  const raisedDaysAgo = rng.int(1, 180);
  const raisedAt = daysAgoIso(ctx, raisedDaysAgo);
  const raisedById = rng.pick(roster.everyone);
  const ownerId = project ? rng.pick([project.ownerId, ...project.leadIds]) : rng.pick(roster.ctos);
  const ctx0 = (at: string, byId: string, explicitEscalation = false) => ({
    at,
    byId,
    threshold: ctx.threshold,
    explicitEscalation,
  });
  let risk = applyRiskRules(
    undefined,
    {
      id,
      projectId: project?.id ?? null,
      title: project ? template.title : `Portfolio: ${template.title.toLowerCase()}`,
      description: `${template.title}${project ? ` (${project.code})` : ''}.`,
      category: template.category,
      likelihood: rating(),
      impact: rating(),
      strategy: rng.pick(['avoid', 'reduce', 'reduce', 'transfer', 'accept'] as const),
      mitigation: status === 'proposed' ? '' : 'Mitigation agreed with the project team; reviewed weekly.',
      ownerId: status === 'proposed' ? null : ownerId,
      status: status === 'proposed' ? 'proposed' : 'open',
      residualLikelihood: null,
      residualImpact: null,
      reviewDate: null,
      confidential: false,
      raisedById,
      raisedAt,
      escalation: null,
      history: [],
      version: 1,
      createdAt: t.nowIso,
      updatedAt: t.nowIso,
    },
    ctx0(raisedAt, raisedById),
  ).risk;
  let daysAgo = raisedDaysAgo;
  if (status !== 'proposed' && rng.chance(0.3) && daysAgo > 1) {
    daysAgo = rng.int(0, daysAgo - 1);
    risk = applyRiskRules(
      risk,
      { ...risk, likelihood: rating(), impact: rating() },
      ctx0(daysAgoIso(ctx, daysAgo), ownerId),
    ).risk;
  }
  // An owner moves a risk on (mitigating, closed, escalated by hand) but does not re-open an escalation.
  const keepEscalated = status === 'open' && risk.status === 'escalated';
  if (status !== risk.status && status !== 'proposed' && !keepEscalated) {
    const at = daysAgoIso(ctx, daysAgo > 0 ? rng.int(0, daysAgo - 1) : 0);
    risk = applyRiskRules(risk, { ...risk, status }, ctx0(at, ownerId, status === 'escalated')).risk;
  }
  const residual = risk.status === 'mitigating' && rng.chance(0.5);
  return {
    ...risk,
    residualLikelihood: residual ? Math.max(1, risk.likelihood - 1) : null,
    residualImpact: residual ? risk.impact : null,
    reviewDate: risk.status !== 'closed' && rng.chance(0.7) ? today(ctx, rng.int(-10, 60)) : null,
  };
}

function buildMilestones(ctx: Ctx, project: Project, out: Milestone[]): void {
  const { rng, t } = ctx;
  const start = Date.parse(project.startDate ?? t.today);
  const end = Date.parse(project.dueDate ?? addDays(t.today, 180));
  const titles = rng
    .sample(MILESTONE_TITLES, MILESTONES_PER_PROJECT)
    .sort((a, b) => MILESTONE_TITLES.indexOf(a) - MILESTONE_TITLES.indexOf(b));
  titles.forEach((title, k) => {
    const dueDate = new Date(start + ((end - start) * (k + 1)) / (MILESTONES_PER_PROJECT + 1))
      .toISOString()
      .slice(0, 10);
    const past = dueDate < t.today;
    const done = past && rng.chance(0.85);
    const completedOn = done ? addDays(dueDate, rng.int(-5, 5)) : null;
    out.push({
      id: `ms-${project.id}-${k + 1}`,
      projectId: project.id,
      title,
      dueDate,
      status: done ? 'done' : past ? 'missed' : 'planned',
      completedOn: completedOn && completedOn > t.today ? t.today : completedOn,
      version: 1,
      createdAt: t.nowIso,
      updatedAt: t.nowIso,
    });
  });
}

function roundFor(unit: string, v: number): number {
  return unit === 'score /5' ? Math.round(v * 10) / 10 : Math.round(v);
}

function buildKpis(
  ctx: Ctx,
  projects: readonly Project[],
  roster: Roster,
): { kpis: Kpi[]; measurements: Measurement[] } {
  const { rng, t } = ctx;
  const count = Math.max(1, Math.round(projects.length / PROJECTS_PER_KPI));
  const kpis: Kpi[] = [];
  const measurements: Measurement[] = [];
  for (let k = 1; k <= count; k++) {
    const tpl = rng.pick(KPI_TEMPLATES);
    const project = rng.chance(0.7) ? rng.pick(projects) : null;
    const cap = tpl.unit === '%' ? 100 : tpl.unit === 'score /5' ? 5 : Number.POSITIVE_INFINITY;
    const baseline = roundFor(tpl.unit, tpl.baseline[0] + rng.next() * (tpl.baseline[1] - tpl.baseline[0]));
    const step = tpl.unit === 'score /5' ? 0.1 : 1;
    const delta = Math.max(
      step,
      baseline * (tpl.improvement[0] + rng.next() * (tpl.improvement[1] - tpl.improvement[0])),
    );
    const higher = tpl.direction === 'higher-is-better';
    const target = roundFor(
      tpl.unit,
      higher ? Math.min(cap, baseline + delta) : Math.max(0, baseline - delta),
    );
    const baselineDate = today(ctx, -rng.int(200, 400));
    const ownerId = project?.ownerId ?? rng.pick(roster.owners);
    const id = `kpi-syn-${ctx.pad(k)}`;
    kpis.push({
      id,
      title: project ? `${tpl.title}: ${project.title}` : `${tpl.title} (${rng.pick(PILLAR_CODES)} pillar)`,
      description: '',
      pillar: project ? null : rng.pick(PILLAR_CODES),
      projectId: project?.id ?? null,
      unit: tpl.unit,
      direction: tpl.direction,
      baseline: { value: baseline, date: baselineDate },
      target: { value: target, date: today(ctx, rng.int(60, 500)) },
      ownerId,
      version: 1,
      createdAt: t.nowIso,
      updatedAt: t.nowIso,
    });
    const lastDaysAgo = rng.int(5, 20);
    const pace = rng.next() * 1.2;
    for (let m = 0; m < MEASUREMENTS_PER_KPI; m++) {
      const share = (pace * (m + 1)) / (MEASUREMENTS_PER_KPI + 1);
      const noise = (rng.next() - 0.5) * Math.abs(target - baseline) * 0.2;
      const value = roundFor(
        tpl.unit,
        Math.min(cap, Math.max(0, baseline + (target - baseline) * share + noise)),
      );
      measurements.push({
        id: `msr-${id}-${m + 1}`,
        kpiId: id,
        date: today(ctx, -(lastDaysAgo + (MEASUREMENTS_PER_KPI - 1 - m) * 30)),
        value,
        evidenceUrl: null,
        note: '',
        byId: rng.chance(0.7) ? ownerId : 'p-analyst',
        version: 1,
        createdAt: t.nowIso,
        updatedAt: t.nowIso,
      });
    }
  }
  return { kpis, measurements };
}

function buildSettings(ctx: Ctx, roster: Roster): Settings {
  const pillarLeads: Settings['pillarLeads'] = {};
  for (const code of PILLAR_CODES) pillarLeads[code] = [ctx.rng.pick(roster.owners)];
  const subscriber = pillarLeads.PAC?.[0];
  return { ...defaultSettings(ctx.t.nowIso), pillarLeads, digestSubscribers: subscriber ? [subscriber] : [] };
}

export function buildSyntheticPortfolio(options: SyntheticPortfolioOptions): SeedData {
  const { projects: count } = options;
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError('synthetic portfolio: projects must be a positive integer');
  const t = seedTime(options.now, options.timeZone);
  const settingsThreshold = defaultSettings(t.nowIso).escalationThreshold;
  const ctx: Ctx = {
    rng: mulberry32(options.seed ?? 1),
    t,
    nowMs: t.now.getTime(),
    threshold: settingsThreshold,
    periodBase: new Map(),
    periodsBack: new Map(),
    pad: padder(count),
  };
  const roster = buildRoster(
    ctx,
    Math.max(DEMO_PERSONA_LIST.length + 10, Math.round(count / PROJECTS_PER_PERSON)),
  );
  const projects = buildProjects(ctx, count, roster);
  const statusUpdates: StatusUpdate[] = [];
  const risks: Risk[] = [];
  const milestones: Milestone[] = [];
  for (const project of projects) {
    buildUpdates(ctx, project, statusUpdates);
    for (let k = 1; k <= RISKS_PER_PROJECT; k++)
      risks.push(buildRisk(ctx, `rsk-${project.id}-${k}`, project, roster));
    buildMilestones(ctx, project, milestones);
  }
  const portfolioRisks = Math.max(1, Math.round(count / 100));
  for (let k = 1; k <= portfolioRisks; k++)
    risks.push(buildRisk(ctx, `rsk-syn-portfolio-${k}`, null, roster));
  const { kpis, measurements } = buildKpis(ctx, projects, roster);
  return {
    people: roster.people,
    projects,
    statusUpdates,
    risks,
    milestones,
    kpis,
    measurements,
    settings: buildSettings(ctx, roster),
  };
}
