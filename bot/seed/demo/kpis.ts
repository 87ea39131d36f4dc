// Demo KPIs (seed 001 section 7: KPI and baseline assessment): pillar KPIs (pillar set, no project)
// and project KPIs (project set, pillar null: it follows from the project) with a baseline, a target and monthly measurements up to last week. Values are illustrative; the ePMDS
// baseline is the 81% completion of seed 003 and the reporting-pack target the five working days of
// seed 000.
import type { KpiDirection, Kpi, Measurement } from '../../domain/kpi.js';
import type { PillarCode } from '../../domain/pillar.js';
import { dayFromToday, type SeedTime } from '../seed-time.js';
import { demoProjectId } from './projects.js';

export interface DemoKpiSpec {
  key: string;
  title: string;
  description: string;
  pillar: PillarCode | null;
  project: string | null;
  unit: string;
  direction: KpiDirection;
  baseline: { value: number; daysAgo: number };
  target: { value: number; inDays: number };
  ownerId: string;
  /** Monthly values, oldest first; the newest is `lastDaysAgo` days old. */
  measurements: readonly number[];
  lastDaysAgo?: number;
}

export const EVIDENCE_BASE_URL = 'https://dashboards.itu.example/transformation';

export const DEMO_KPIS: readonly DemoKpiSpec[] = [
  {
    key: 'time-to-recruit',
    title: 'Time to recruit',
    description: 'Median calendar days from vacancy closing to offer accepted.',
    pillar: null,
    project: 'AI-04',
    unit: 'days',
    direction: 'lower-is-better',
    baseline: { value: 172, daysAgo: 330 },
    target: { value: 120, inDays: 240 },
    ownerId: 'p-leila-benali',
    measurements: [175, 168, 163, 158, 161, 166],
  },
  {
    key: 'epmds-completion',
    title: 'ePMDS completion rate',
    description: 'Share of staff with a completed performance evaluation for the last cycle.',
    pillar: null,
    project: 'AI-01',
    unit: '%',
    direction: 'higher-is-better',
    baseline: { value: 81, daysAgo: 365 },
    target: { value: 95, inDays: 150 },
    ownerId: 'p-leila-benali',
    measurements: [83, 85, 86, 88, 90],
  },
  {
    key: 'copilot-trained',
    title: 'Staff trained on Microsoft 365 Copilot',
    description: 'Share of staff who completed the Copilot training on the AI Hub.',
    pillar: null,
    project: 'AI-02',
    unit: '%',
    direction: 'higher-is-better',
    baseline: { value: 2, daysAgo: 300 },
    target: { value: 60, inDays: 240 },
    ownerId: 'p-owner',
    measurements: [5, 9, 14, 18, 22, 26],
  },
  {
    key: 'website-satisfaction',
    title: 'Website user satisfaction',
    description: 'Average rating of the itu.int feedback feature.',
    pillar: null,
    project: 'TR-07',
    unit: 'score /5',
    direction: 'higher-is-better',
    baseline: { value: 3.1, daysAgo: 120 },
    target: { value: 4.2, inDays: 420 },
    ownerId: 'p-camille-dubois',
    measurements: [3.1, 3.2, 3.2, 3.3],
  },
  {
    key: 'leadership-trained',
    title: 'Managers who completed leadership development',
    description: 'Share of supervisors who completed at least one Leadership Development track.',
    pillar: null,
    project: 'AI-03',
    unit: '%',
    direction: 'higher-is-better',
    baseline: { value: 0, daysAgo: 200 },
    target: { value: 80, inDays: 300 },
    ownerId: 'p-priya-nair',
    measurements: [12, 25, 31, 38, 44],
  },
  {
    key: 'remote-participation',
    title: 'Meetings with remote participation without critical incident',
    description: 'Share of meetings with remote participation that had no critical technical incident.',
    pillar: null,
    project: 'TR-19',
    unit: '%',
    direction: 'higher-is-better',
    baseline: { value: 86, daysAgo: 400 },
    target: { value: 98, inDays: 14 },
    ownerId: 'p-samuel-boateng',
    measurements: [90, 93, 95, 97, 98],
  },
  {
    key: 'reporting-on-time',
    title: 'Transformation projects reporting on time',
    description: 'Share of active projects with a status update for the week by Friday.',
    pillar: 'GOV',
    project: null,
    unit: '%',
    direction: 'higher-is-better',
    baseline: { value: 55, daysAgo: 180 },
    target: { value: 90, inDays: 180 },
    ownerId: 'p-analyst',
    measurements: [58, 63, 67, 71, 74],
  },
  {
    key: 'monthly-reporting-pack',
    title: 'Monthly reporting pack after month end',
    description: 'Working days after month end until the monthly financial reporting pack is issued.',
    pillar: 'RES',
    project: null,
    unit: 'working days',
    direction: 'lower-is-better',
    baseline: { value: 15, daysAgo: 300 },
    target: { value: 5, inDays: 300 },
    ownerId: 'p-wei-zhang',
    measurements: [14, 13, 11, 10, 9, 9],
  },
  {
    key: 'digital-forms',
    title: 'Internal forms processed as digital workflows',
    description: 'Number of internal forms with a digital workflow and electronic signature.',
    pillar: 'SPT',
    project: null,
    unit: 'forms',
    direction: 'higher-is-better',
    baseline: { value: 2, daysAgo: 240 },
    target: { value: 25, inDays: 365 },
    ownerId: 'p-hiroshi-tanaka',
    measurements: [3, 4, 6, 8, 11],
  },
  {
    key: 'conference-satisfaction',
    title: 'Delegate satisfaction with conference services',
    description: 'Share of delegates rating conference services good or very good in post-event surveys.',
    pillar: 'MAP',
    project: null,
    unit: '%',
    direction: 'higher-is-better',
    baseline: { value: 72, daysAgo: 365 },
    target: { value: 85, inDays: 365 },
    ownerId: 'p-youssef-el-amrani',
    measurements: [73, 75, 74, 77],
  },
];

const MONTH = 30;

export function buildDemoKpis(t: SeedTime): { kpis: Kpi[]; measurements: Measurement[] } {
  const kpis: Kpi[] = [];
  const measurements: Measurement[] = [];
  for (const s of DEMO_KPIS) {
    const id = `kpi-${s.key}`;
    kpis.push({
      id,
      title: s.title,
      description: s.description,
      pillar: s.pillar,
      projectId: s.project ? demoProjectId(s.project) : null,
      unit: s.unit,
      direction: s.direction,
      baseline: { value: s.baseline.value, date: dayFromToday(t, -s.baseline.daysAgo) },
      target: { value: s.target.value, date: dayFromToday(t, s.target.inDays) },
      ownerId: s.ownerId,
      version: 1,
      createdAt: t.nowIso,
      updatedAt: t.nowIso,
    });
    const last = s.lastDaysAgo ?? 7;
    const n = s.measurements.length;
    s.measurements.forEach((value, i) => {
      const newest = i === n - 1;
      measurements.push({
        id: `msr-${s.key}-${String(i + 1).padStart(2, '0')}`,
        kpiId: id,
        date: dayFromToday(t, -(last + (n - 1 - i) * MONTH)),
        value,
        evidenceUrl: newest ? `${EVIDENCE_BASE_URL}/${s.key}` : null,
        note: newest ? 'Latest monthly measurement.' : '',
        byId: i % 2 === 0 ? s.ownerId : 'p-analyst',
        version: 1,
        createdAt: t.nowIso,
        updatedAt: t.nowIso,
      });
    });
  }
  return { kpis, measurements };
}
