// The demo risk register: risks of every level and status, a few portfolio-wide ones, score changes
// over time, residual ratings and escalations. Scores, levels and escalations come from the domain's
// applyRiskRules, replayed event by event, so they are exactly what the app would have produced.
import {
  applyRiskRules,
  type Rating,
  type Risk,
  type RiskCategory,
  type RiskStatus,
  type RiskStrategy,
} from '../../domain/risk.js';
import { daysAgoAt, dayFromToday, type SeedTime } from '../seed-time.js';
import { demoProjectId } from './projects.js';

type Pair = readonly [Rating, Rating];

export interface DemoRiskSpec {
  /** Project code, or null for a portfolio-wide risk. */
  project: string | null;
  title: string;
  description: string;
  category: RiskCategory;
  strategy: RiskStrategy;
  mitigation: string;
  ownerId: string | null;
  raisedById: string;
  raisedDaysAgo: number;
  /** Likelihood and impact when raised. */
  rating: Pair;
  /** Later re-assessments, oldest first. */
  changes?: ReadonlyArray<{ daysAgo: number; rating: Pair; byId: string }>;
  /** Explicit escalation to the CTO. */
  escalate?: { daysAgo: number; byId: string };
  /** The status the owner set last (the rules may have escalated it before). */
  status: RiskStatus;
  statusDaysAgo?: number;
  acknowledged?: { daysAgo: number; byId: string };
  residual?: Pair;
  reviewInDays?: number;
}

export const DEMO_RISKS: readonly DemoRiskSpec[] = [
  // ---- critical ----
  {
    project: 'TR-07',
    title: 'Remaining CHF 250K of the website budget not allocated',
    description:
      'Only CHF 350K of the CHF 600K overall budget is allocated. Without the remainder the implementation ' +
      'phase cannot be contracted in full after Phase 1.',
    category: 'financial',
    strategy: 'reduce',
    mitigation:
      'Budget request to the Management Coordination Group; phase the implementation so Phase 1 outcomes stand alone.',
    ownerId: 'p-owner',
    raisedById: 'p-owner',
    raisedDaysAgo: 40,
    rating: [3, 4],
    changes: [{ daysAgo: 9, rating: [4, 5], byId: 'p-owner' }],
    status: 'escalated',
    acknowledged: { daysAgo: 2, byId: 'p-cto' },
    reviewInDays: 12,
  },
  {
    project: 'AI-04',
    title: 'Interview panel availability delays recruitment',
    description:
      'Hiring managers and panel members are not available within the target time; shortlisted candidates ' +
      'wait weeks for interviews and some withdraw.',
    category: 'delivery',
    strategy: 'reduce',
    mitigation: 'Pre-booked panel slots, panel rosters per department, maximum time per recruitment step.',
    ownerId: 'p-leila-benali',
    raisedById: 'p-sergei-petrov',
    raisedDaysAgo: 30,
    rating: [3, 4],
    changes: [{ daysAgo: 8, rating: [4, 4], byId: 'p-leila-benali' }],
    status: 'escalated',
    reviewInDays: 7,
  },
  {
    project: 'TR-08',
    title: 'Critical systems on obsolete technologies without documentation',
    description:
      'Several systems that deliver the core mandate run on obsolete technologies without proper documentation, ' +
      'a risk to business continuity and a cyber security exposure until the upgrade is delivered.',
    category: 'technology',
    strategy: 'reduce',
    mitigation: 'Inventory and document the systems in scope; interim hardening; prioritise them in the RFP.',
    ownerId: 'p-hiroshi-tanaka',
    raisedById: 'p-hiroshi-tanaka',
    raisedDaysAgo: 3,
    rating: [4, 4],
    status: 'escalated',
    reviewInDays: 14,
  },
  {
    project: 'TR-22',
    title: 'Risk policy approval slips past the next Council session',
    description:
      'The Coordination Committee postponed approval; if the revised policy misses the next meeting it will ' +
      'not be reported to Council this year.',
    category: 'compliance',
    strategy: 'reduce',
    mitigation: 'Redraft the escalation model with the Bureaux before the next Coordination Committee.',
    ownerId: 'p-rajesh-iyer',
    raisedById: 'p-rajesh-iyer',
    raisedDaysAgo: 25,
    rating: [2, 4],
    changes: [{ daysAgo: 4, rating: [4, 4], byId: 'p-rajesh-iyer' }],
    status: 'mitigating',
    statusDaysAgo: 3,
    residual: [2, 4],
    reviewInDays: 10,
  },

  // ---- high ----
  {
    project: 'AI-02',
    title: 'Copilot licences insufficient for the AI Champions network',
    description:
      'The current allocation covers the first wave only; the second wave of Champions is on hold.',
    category: 'financial',
    strategy: 'reduce',
    mitigation: 'Licence top-up request; reassign licences that are unused after 30 days.',
    ownerId: 'p-owner',
    raisedById: 'p-hiroshi-tanaka',
    raisedDaysAgo: 5,
    rating: [4, 3],
    status: 'open',
    reviewInDays: 9,
  },
  {
    project: 'AI-02',
    title: 'Confidential data exposed through AI assistants',
    description:
      'Data classification is not in place for all repositories; AI assistants could surface confidential ' +
      'content to staff who should not see it.',
    category: 'compliance',
    strategy: 'reduce',
    mitigation:
      'Finish the data classification guidance; sensitivity labels on HR and finance sites before wave 2.',
    ownerId: 'p-hiroshi-tanaka',
    raisedById: 'p-cto',
    raisedDaysAgo: 70,
    rating: [3, 5],
    changes: [{ daysAgo: 35, rating: [2, 5], byId: 'p-hiroshi-tanaka' }],
    status: 'mitigating',
    statusDaysAgo: 34,
    residual: [1, 5],
    reviewInDays: 20,
  },
  {
    project: 'AI-05',
    title: 'Travel provider contract limits automation before renewal',
    description:
      'Current service arrangements with the external provider leave little room for process changes.',
    category: 'operational',
    strategy: 'accept',
    mitigation:
      'Prepare automation requirements now for the renewal tender; quick wins inside the current contract.',
    ownerId: 'p-sergei-petrov',
    raisedById: 'p-olumide-adeyemi',
    raisedDaysAgo: 14,
    rating: [4, 3],
    status: 'open',
    reviewInDays: 30,
  },
  {
    project: 'TR-20',
    title: 'Machine-assisted translation quality for official documents',
    description: 'Terminology accuracy is below the threshold for official documents in two languages.',
    category: 'reputational',
    strategy: 'reduce',
    mitigation:
      'Reviser sign-off on all machine-assisted output; terminology database rules; limit to internal documents.',
    ownerId: 'p-elena-morozova',
    raisedById: 'p-olga-ivanova',
    raisedDaysAgo: 12,
    rating: [3, 4],
    status: 'mitigating',
    statusDaysAgo: 6,
    residual: [2, 3],
    reviewInDays: 21,
  },
  {
    project: null,
    title: 'Transformation funding depends on savings and reprioritisation',
    description:
      'Transformation is financed mainly from regular budget allocations, savings and reprioritisation; ' +
      'additional allocations may be needed for capacity and expertise.',
    category: 'financial',
    strategy: 'reduce',
    mitigation:
      'Prioritise the portfolio each year; track benefits so that funding requests rest on evidence.',
    ownerId: 'p-cto',
    raisedById: 'p-cto',
    raisedDaysAgo: 120,
    rating: [3, 4],
    status: 'mitigating',
    statusDaysAgo: 100,
    residual: [2, 4],
    reviewInDays: 45,
  },

  // ---- medium ----
  {
    project: 'CC-04',
    title: 'No single owner for the ITU-wide events calendar',
    description: 'Each Bureau keeps its own calendar; harmonised registration needs one owner.',
    category: 'strategic',
    strategy: 'avoid',
    mitigation: 'Ask the Management Coordination Group to name one owner.',
    ownerId: 'p-youssef-el-amrani',
    raisedById: 'p-zeynep-kaya',
    raisedDaysAgo: 21,
    rating: [3, 3],
    escalate: { daysAgo: 6, byId: 'p-youssef-el-amrani' },
    status: 'escalated',
    reviewInDays: 14,
  },
  {
    project: null,
    title: 'Change fatigue across concurrent initiatives',
    description: 'Many initiatives ask the same staff for input, training time and adoption at once.',
    category: 'people',
    strategy: 'reduce',
    mitigation:
      'One change calendar with the ChangeMakers; bundle trainings; communicate priorities at Townhalls.',
    ownerId: 'p-ingrid-solberg',
    raisedById: 'p-amina-yusuf',
    raisedDaysAgo: 60,
    rating: [3, 3],
    status: 'open',
    reviewInDays: -3,
  },
  {
    project: 'AI-01',
    title: 'Supervisors miss ePMDS training sessions',
    description:
      'Attendance at supervisor sessions is low in some departments, risking poor-quality evaluations.',
    category: 'people',
    strategy: 'reduce',
    mitigation: 'Recorded sessions in six languages; department heads follow up attendance.',
    ownerId: 'p-leila-benali',
    raisedById: 'p-valentina-rossi',
    raisedDaysAgo: 45,
    rating: [3, 3],
    status: 'mitigating',
    statusDaysAgo: 40,
    residual: [2, 2],
    reviewInDays: 15,
  },
  {
    project: 'AI-03',
    title: 'June leadership tracks compete with Council preparation',
    description: 'Senior managers may not be available for the second set of tracks.',
    category: 'delivery',
    strategy: 'accept',
    mitigation: 'Offer two dates per track; keep sessions short.',
    ownerId: 'p-priya-nair',
    raisedById: 'p-kwame-asante',
    raisedDaysAgo: 18,
    rating: [2, 3],
    status: 'open',
    reviewInDays: 30,
  },
  {
    project: 'TR-13',
    title: 'Inconsistent HR master data limits dashboard accuracy',
    description: 'Duty station and grade fields are inconsistent for part of the records.',
    category: 'operational',
    strategy: 'reduce',
    mitigation: 'Targeted data clean-up with HR Administration; validation rules at entry.',
    ownerId: 'p-sergei-petrov',
    raisedById: 'p-analyst',
    raisedDaysAgo: 50,
    rating: [3, 2],
    status: 'open',
    reviewInDays: 20,
  },
  {
    project: 'TR-10',
    title: 'Delegates expect KPI results before the baseline is complete',
    description: 'Phase 2 promises KPI contributions; two KPIs still lack baseline data.',
    category: 'reputational',
    strategy: 'reduce',
    mitigation: 'Show baseline status openly on the dashboard; agree proxy measures.',
    ownerId: 'p-ingrid-solberg',
    raisedById: 'p-analyst',
    raisedDaysAgo: 10,
    rating: [2, 4],
    status: 'open',
    reviewInDays: 14,
  },
  {
    project: 'TR-15',
    title: 'Extrabudgetary data needs manual reconciliation',
    description: 'Aggregated figures may differ from the accounts until reconciliation rules are agreed.',
    category: 'financial',
    strategy: 'reduce',
    mitigation: 'Reconciliation rules with Accounts; flag unreconciled figures on the dashboard.',
    ownerId: 'p-wei-zhang',
    raisedById: 'p-fatima-al-sayed',
    raisedDaysAgo: 28,
    rating: [3, 3],
    status: 'mitigating',
    statusDaysAgo: 20,
    reviewInDays: 10,
  },
  {
    project: 'TR-07',
    title: 'Content may not reach parity in the six languages at launch',
    description:
      'Some sections exist only in English and French today; the new site could launch with gaps in other languages.',
    category: 'reputational',
    strategy: 'reduce',
    mitigation: '',
    ownerId: null,
    raisedById: 'p-viewer',
    raisedDaysAgo: 2,
    rating: [3, 3],
    status: 'proposed',
  },
  {
    project: 'CC-02',
    title: 'Staff unsure which AI tools are approved for communications work',
    description: 'Without a clear list, staff either avoid AI tools or use unapproved ones.',
    category: 'compliance',
    strategy: 'reduce',
    mitigation: 'Publish the approved tools list on the AI Hub.',
    ownerId: 'p-chloe-martin',
    raisedById: 'p-changemaker',
    raisedDaysAgo: 16,
    rating: [3, 2],
    status: 'open',
    reviewInDays: 7,
  },
  {
    project: 'TR-09',
    title: 'AI Seed Fund demand exceeds available funding',
    description: 'The first call received more proposals than the fund can support.',
    category: 'financial',
    strategy: 'accept',
    mitigation: 'Clear selection criteria; stage funding by results.',
    ownerId: 'p-owner',
    raisedById: 'p-camille-dubois',
    raisedDaysAgo: 33,
    rating: [2, 3],
    status: 'open',
    reviewInDays: 25,
  },
  {
    project: 'AI-06',
    title: 'Mobility pilot scope unclear',
    description: 'Grades and duty stations in scope are not agreed; the pilot may slip.',
    category: 'delivery',
    strategy: 'reduce',
    mitigation: 'Scope workshop with the Transformation Group and the ChangeMakers.',
    ownerId: 'p-priya-nair',
    raisedById: 'p-tendai-moyo',
    raisedDaysAgo: 26,
    rating: [3, 2],
    status: 'open',
    reviewInDays: -5,
  },

  // ---- low ----
  {
    project: 'TR-11',
    title: 'Baseline data unavailable for some KPIs',
    description: 'Website satisfaction and travel processing time have no historical data.',
    category: 'operational',
    strategy: 'accept',
    mitigation: 'Use proxies and start measuring now.',
    ownerId: 'p-analyst',
    raisedById: 'p-analyst',
    raisedDaysAgo: 22,
    rating: [2, 2],
    status: 'open',
    reviewInDays: 14,
  },
  {
    project: 'CC-06',
    title: 'External partners may not accept electronic signatures',
    description: 'Some forms go to external partners whose rules require wet signatures.',
    category: 'compliance',
    strategy: 'transfer',
    mitigation: 'Keep a paper route for the few affected forms; ask Legal Affairs for guidance.',
    ownerId: 'p-pierre-lefevre',
    raisedById: 'p-mariam-saleh',
    raisedDaysAgo: 19,
    rating: [2, 2],
    status: 'open',
    reviewInDays: 30,
  },
  {
    project: 'TR-19',
    title: 'Remote participation platform licence renewal',
    description: 'The platform licence renewal needed to be aligned with project closure.',
    category: 'operational',
    strategy: 'avoid',
    mitigation: 'Renewal signed for three years.',
    ownerId: 'p-samuel-boateng',
    raisedById: 'p-samuel-boateng',
    raisedDaysAgo: 90,
    rating: [2, 3],
    changes: [{ daysAgo: 30, rating: [1, 3], byId: 'p-samuel-boateng' }],
    status: 'closed',
    statusDaysAgo: 29,
  },
  {
    project: 'TR-16',
    title: 'Revaluation rules change with the next accounting standard update',
    description: 'A standards update could require rework of the revaluation procedure.',
    category: 'compliance',
    strategy: 'accept',
    mitigation: 'Procedure documented so it can be adjusted quickly.',
    ownerId: 'p-fatima-al-sayed',
    raisedById: 'p-fatima-al-sayed',
    raisedDaysAgo: 150,
    rating: [1, 2],
    status: 'closed',
    statusDaysAgo: 45,
  },
];

export function demoRiskIds(): string[] {
  const counters = new Map<string, number>();
  return DEMO_RISKS.map((s) => {
    const scope = s.project ? s.project.toLowerCase() : 'portfolio';
    const n = (counters.get(scope) ?? 0) + 1;
    counters.set(scope, n);
    return `rsk-${scope}-${String(n).padStart(2, '0')}`;
  });
}

export function buildDemoRisks(t: SeedTime, threshold: number): Risk[] {
  const ids = demoRiskIds();
  return DEMO_RISKS.map((s, i) => {
    const raisedAt = daysAgoAt(t, s.raisedDaysAgo, '09:30');
    const ctx = (at: string, byId: string, explicitEscalation = false) => ({
      at,
      byId,
      threshold,
      explicitEscalation,
    });
    let risk = applyRiskRules(
      undefined,
      {
        id: ids[i] ?? `rsk-${i}`,
        projectId: s.project ? demoProjectId(s.project) : null,
        title: s.title,
        description: s.description,
        category: s.category,
        likelihood: s.rating[0],
        impact: s.rating[1],
        strategy: s.strategy,
        mitigation: s.mitigation,
        ownerId: s.ownerId,
        status: s.status === 'proposed' ? 'proposed' : 'open',
        residualLikelihood: null,
        residualImpact: null,
        reviewDate: null,
        confidential: false,
        raisedById: s.raisedById,
        raisedAt,
        escalation: null,
        history: [],
        version: 1,
        createdAt: t.nowIso,
        updatedAt: t.nowIso,
      },
      ctx(raisedAt, s.raisedById),
    ).risk;
    for (const c of s.changes ?? []) {
      risk = applyRiskRules(
        risk,
        { ...risk, likelihood: c.rating[0], impact: c.rating[1] },
        ctx(daysAgoAt(t, c.daysAgo, '11:00'), c.byId),
      ).risk;
    }
    if (s.escalate) {
      risk = applyRiskRules(
        risk,
        risk,
        ctx(daysAgoAt(t, s.escalate.daysAgo, '15:00'), s.escalate.byId, true),
      ).risk;
    }
    if (s.status !== risk.status && s.status !== 'escalated') {
      const at = daysAgoAt(t, s.statusDaysAgo ?? 1, '16:00');
      risk = applyRiskRules(risk, { ...risk, status: s.status }, ctx(at, s.ownerId ?? s.raisedById)).risk;
    }
    if (s.acknowledged && risk.escalation) {
      risk = {
        ...risk,
        escalation: {
          ...risk.escalation,
          acknowledgedAt: daysAgoAt(t, s.acknowledged.daysAgo, '08:45'),
          acknowledgedById: s.acknowledged.byId,
        },
      };
    }
    return {
      ...risk,
      residualLikelihood: s.residual?.[0] ?? null,
      residualImpact: s.residual?.[1] ?? null,
      reviewDate: s.reviewInDays === undefined ? null : dayFromToday(t, s.reviewInDays),
    };
  });
}
