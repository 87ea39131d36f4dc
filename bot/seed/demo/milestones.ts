// Demo milestones: done ones with their completion dates, missed ones, some due in the next 14 days
// (for the digest) and later ones (for the roadmap). Dates are days relative to today.
import type { Milestone, MilestoneStatus } from '../../domain/milestone.js';
import { dayFromToday, type SeedTime } from '../seed-time.js';
import { demoProjectId } from './projects.js';

export interface DemoMilestoneSpec {
  project: string;
  title: string;
  due: number;
  status: MilestoneStatus;
  /** Days from today the milestone was completed (done only). */
  completed?: number;
}

export const DEMO_MILESTONES: readonly DemoMilestoneSpec[] = [
  {
    project: 'AI-01',
    title: 'Enhanced ePMDS live for the performance cycle',
    due: -120,
    status: 'done',
    completed: -123,
  },
  { project: 'AI-01', title: 'Supervisor training completed in all departments', due: -20, status: 'missed' },
  { project: 'AI-01', title: 'Mid-cycle check-in window closes', due: 12, status: 'planned' },
  { project: 'AI-01', title: 'End-of-cycle evaluation form released', due: 90, status: 'planned' },

  {
    project: 'AI-02',
    title: 'Copilot licences assigned to AI Champions (wave 1)',
    due: -150,
    status: 'done',
    completed: -146,
  },
  { project: 'AI-02', title: 'Use-case baselines measured', due: -25, status: 'done', completed: -22 },
  { project: 'AI-02', title: 'Licence top-up decision', due: 8, status: 'planned' },
  { project: 'AI-02', title: 'AI Champions wave 2 onboarded', due: 60, status: 'planned' },

  { project: 'AI-03', title: 'Phase 1 tracks delivered', due: -60, status: 'done', completed: -58 },
  { project: 'AI-03', title: 'June leadership tracks', due: 75, status: 'planned' },

  {
    project: 'AI-04',
    title: 'Bottlenecks and remediation measures agreed',
    due: -200,
    status: 'done',
    completed: -205,
  },
  {
    project: 'AI-04',
    title: 'First recruitment improvements implemented',
    due: -40,
    status: 'done',
    completed: -35,
  },
  { project: 'AI-04', title: 'Panel rosters agreed with departments', due: -10, status: 'missed' },
  {
    project: 'AI-04',
    title: 'Maximum time per recruitment step in the guidelines',
    due: 4,
    status: 'planned',
  },

  { project: 'AI-05', title: 'End-to-end travel process mapped', due: -30, status: 'done', completed: -33 },
  { project: 'AI-05', title: 'Decision on provider renegotiation', due: 25, status: 'planned' },

  { project: 'AI-06', title: 'Past mobility cases analysed', due: -28, status: 'done', completed: -24 },
  { project: 'AI-06', title: 'Pilot scope agreed', due: -7, status: 'missed' },
  { project: 'AI-06', title: 'Pilot launch', due: 120, status: 'planned' },

  { project: 'TR-07', title: 'Phase 1 RFPs launched', due: -45, status: 'done', completed: -44 },
  { project: 'TR-07', title: 'Web governance framework draft', due: -15, status: 'done', completed: -12 },
  { project: 'TR-07', title: 'Phase 1 contract awarded', due: 6, status: 'planned' },
  { project: 'TR-07', title: 'Information architecture and taxonomy delivered', due: 110, status: 'planned' },
  { project: 'TR-07', title: 'Implementation phase starts', due: 150, status: 'planned' },

  { project: 'TR-08', title: 'Business requirements consolidated', due: -5, status: 'done', completed: -6 },
  { project: 'TR-08', title: 'ERP and CRM RFP launched', due: 40, status: 'planned' },

  { project: 'TR-09', title: 'AI Hub first iteration launched', due: -400, status: 'done', completed: -400 },
  { project: 'TR-09', title: 'Second AI Seed Fund call opens', due: 18, status: 'planned' },
  { project: 'TR-09', title: 'AI Hub iteration 2 released', due: 80, status: 'planned' },

  { project: 'TR-10', title: 'Phase 2 design approved', due: -70, status: 'done', completed: -72 },
  { project: 'TR-10', title: 'User test with two delegations', due: 9, status: 'planned' },
  { project: 'TR-10', title: 'Phase 2 published for delegates', due: 70, status: 'planned' },

  {
    project: 'TR-11',
    title: 'Initial KPI set agreed with business units',
    due: -100,
    status: 'done',
    completed: -96,
  },
  { project: 'TR-11', title: 'Baseline report to the CTO', due: 13, status: 'planned' },

  { project: 'TR-12', title: 'Staff survey on recognition launched', due: 20, status: 'planned' },
  { project: 'TR-12', title: 'Strategy approved', due: 180, status: 'planned' },

  {
    project: 'TR-13',
    title: 'Workforce analytics on the new Power BI workspace',
    due: -14,
    status: 'done',
    completed: -10,
  },
  { project: 'TR-13', title: 'Field offices view', due: 30, status: 'planned' },

  {
    project: 'TR-14',
    title: 'Careers site vacancy feed automated',
    due: -50,
    status: 'done',
    completed: -52,
  },
  { project: 'TR-14', title: 'Candidate status interface in test', due: -3, status: 'planned' },
  { project: 'TR-14', title: 'Integration live', due: 95, status: 'planned' },

  {
    project: 'TR-15',
    title: 'Aggregation prototype for two funding sources',
    due: -20,
    status: 'done',
    completed: -18,
  },
  { project: 'TR-15', title: 'Reconciliation rules agreed with Accounts', due: 15, status: 'planned' },

  {
    project: 'TR-16',
    title: 'Payroll cost distribution automated',
    due: -200,
    status: 'done',
    completed: -210,
  },
  { project: 'TR-16', title: 'All four streams live', due: -45, status: 'done', completed: -42 },

  { project: 'TR-17', title: 'Method tested with two departments', due: 45, status: 'planned' },

  {
    project: 'TR-19',
    title: 'Rooms upgraded for remote participation',
    due: -60,
    status: 'done',
    completed: -64,
  },
  { project: 'TR-19', title: 'Final acceptance and closure report', due: 10, status: 'planned' },

  { project: 'TR-20', title: 'Summary record assistant pilot', due: -21, status: 'done', completed: -19 },
  {
    project: 'TR-20',
    title: 'Machine-assisted translation in all six language sections',
    due: 60,
    status: 'planned',
  },

  { project: 'TR-21', title: 'Use-case requirements with members and partners', due: 35, status: 'planned' },

  { project: 'TR-22', title: 'Common risk register template', due: -80, status: 'done', completed: -85 },
  { project: 'TR-22', title: 'Policy approved by the Coordination Committee', due: -5, status: 'missed' },
  { project: 'TR-22', title: 'Revised policy to the Coordination Committee', due: 11, status: 'planned' },

  {
    project: 'TR-23',
    title: 'Council documents indexed in six languages',
    due: -35,
    status: 'done',
    completed: -30,
  },
  { project: 'TR-23', title: 'Study group documents indexed', due: 40, status: 'planned' },

  { project: 'TR-24', title: 'Terms of reference drafted', due: -60, status: 'done', completed: -58 },

  { project: 'CC-01', title: 'Dashboard inventory published', due: -30, status: 'done', completed: -31 },
  { project: 'CC-01', title: 'First data literacy session', due: 7, status: 'planned' },

  {
    project: 'CC-02',
    title: 'AI guidance for communications published',
    due: -40,
    status: 'done',
    completed: -41,
  },
  { project: 'CC-02', title: 'FAQ updated with focal points\u2019 questions', due: 5, status: 'planned' },

  {
    project: 'CC-03',
    title: 'Recommendations handed over to ePMDS',
    due: -25,
    status: 'done',
    completed: -26,
  },

  { project: 'CC-04', title: 'Common event checklist adopted', due: -50, status: 'done', completed: -47 },
  { project: 'CC-04', title: 'Events calendar owner named', due: 30, status: 'planned' },

  { project: 'CC-05', title: 'Single submission form prototype', due: 28, status: 'planned' },

  { project: 'CC-06', title: 'First three forms digitised', due: -9, status: 'done', completed: -8 },
  { project: 'CC-06', title: 'Travel and overtime forms digitised', due: 50, status: 'planned' },

  { project: 'CC-07', title: 'Proposal presented to the Staff Council', due: -14, status: 'missed' },

  { project: 'CC-08', title: 'Regional Offices added to the directory', due: 21, status: 'planned' },

  { project: 'CC-09', title: 'First four Learning Labs selected', due: 14, status: 'planned' },

  { project: 'CC-10', title: 'Proposal to the Regional Directors', due: 45, status: 'planned' },
];

export function buildDemoMilestones(t: SeedTime): Milestone[] {
  const counters = new Map<string, number>();
  return DEMO_MILESTONES.map((s) => {
    const n = (counters.get(s.project) ?? 0) + 1;
    counters.set(s.project, n);
    return {
      id: `ms-${s.project.toLowerCase()}-${String(n).padStart(2, '0')}`,
      projectId: demoProjectId(s.project),
      title: s.title,
      dueDate: dayFromToday(t, s.due),
      status: s.status,
      completedOn: s.status === 'done' ? dayFromToday(t, s.completed ?? s.due) : null,
      version: 1,
      createdAt: t.nowIso,
      updatedAt: t.nowIso,
    };
  });
}
