// What each demo project reported week by week. A script ends `last` periods before the current one
// (0: already reported this week; 1: last week, so this week's update is due; 2 or more: overdue) and
// covers `weeks` consecutive periods. Beats are aligned to the end: the last beat is the latest
// update, the one before it the update of the week before, and the first beat fills the earlier
// weeks - so a health change between the last two weeks is exactly where the script puts it.
import type { Health } from '../../domain/health.js';
import type { HealthDimensions } from '../../domain/status-update.js';

export interface Beat {
  health: Health;
  dimensions?: HealthDimensions;
  summary: string;
  achievements?: string;
  nextSteps?: string;
  blockers?: string;
  /** The update of this week was amended: its first submission said this instead. */
  amendedFrom?: {
    health?: Health;
    dimensions?: HealthDimensions;
    summary?: string;
    blockers?: string;
    percentDelta?: number;
  };
}

export interface StatusScript {
  last: number;
  weeks: number;
  /** Percent complete of the first and the last update; the weeks between are interpolated. */
  percent: [number, number];
  beats: Beat[];
}

export const DEMO_STATUS_SCRIPTS: Readonly<Record<string, StatusScript>> = {
  // ---- reported this week ----
  'AI-01': {
    last: 0,
    weeks: 6,
    percent: [62, 71],
    beats: [
      {
        health: 'green',
        summary: 'Enhanced ePMDS live for the performance cycle; supervisor training sessions under way.',
        achievements: 'Objectives can be linked to strategic priorities in the tool.',
        nextSteps: 'Run the remaining supervisor sessions; publish the quick guide in six languages.',
      },
      {
        health: 'green',
        summary: 'Mid-cycle check-in step simplified after ChangeMakers feedback.',
        achievements: 'Two redundant form sections removed; help texts reviewed by the ChangeMakers.',
        nextSteps: 'Open the mid-cycle check-in window; monitor completion by department.',
      },
      {
        health: 'green',
        summary: 'Mid-cycle check-in window open; completion tracked weekly by department.',
        achievements: '78% of staff have objectives linked to a strategic priority.',
        nextSteps: 'Reminder to supervisors with open check-ins; prepare the end-of-cycle evaluation form.',
      },
    ],
  },
  'AI-02': {
    last: 0,
    weeks: 6,
    percent: [48, 58],
    beats: [
      {
        health: 'green',
        summary: 'Copilot licences assigned to the AI Champions; use-case squads formed.',
        achievements:
          'Squads formed for recruitment, document search, meeting follow-up and financial dashboards.',
        nextSteps: 'Baseline the time spent on each use case before measuring gains.',
      },
      {
        health: 'green',
        summary: 'Use-case baselines collected for recruitment and meeting follow-up.',
        achievements: 'Prompt library for HR recruitment published on the AI Hub.',
        nextSteps: 'Extend the pilot to the events registration use case.',
      },
      {
        health: 'amber',
        dimensions: { schedule: 'amber', budget: 'amber' },
        summary:
          'Demand for Copilot licences exceeds the current allocation; second wave of Champions on hold.',
        achievements: 'First measured gain: recruitment shortlisting notes drafted 40% faster.',
        nextSteps: 'Submit the licence top-up request; prioritise Champions by use-case value.',
        blockers:
          'Need a decision on funding 120 additional Copilot licences before the second wave can start. ' +
          'Data classification guidance is still in draft, which limits use on confidential documents.',
      },
    ],
  },
  'TR-07': {
    last: 0,
    weeks: 6,
    percent: [24, 31],
    beats: [
      {
        health: 'green',
        summary: 'Phase 1 RFPs for information architecture, taxonomy and design launched.',
        achievements:
          'Content inventory of itu.int started; feedback feature improved after member contributions.',
        nextSteps: 'Bidders conference; draft the web governance framework.',
      },
      {
        health: 'amber',
        dimensions: { schedule: 'amber', budget: 'amber' },
        summary: 'RFP evaluation extended by two weeks at the bidders\u2019 request; budget gap confirmed.',
        achievements: 'Web governance framework draft shared with the Bureaux.',
        nextSteps:
          'Complete the technical evaluation; prepare the budget request for the remaining CHF 250K.',
        blockers:
          'Only CHF 350K of the CHF 600K budget is allocated; implementation cannot be contracted in full.',
        amendedFrom: {
          health: 'green',
          dimensions: {},
          summary: 'RFP evaluation in progress.',
          blockers: '',
          percentDelta: 1,
        },
      },
      {
        health: 'amber',
        dimensions: { schedule: 'amber', budget: 'amber' },
        summary: 'Technical evaluation of the design RFP complete; financial evaluation this week.',
        achievements: 'Archiving rules for outdated content agreed with the Library and Archives Service.',
        nextSteps: 'Award Phase 1; start the content clean-up of the three largest sections.',
        blockers:
          'Allocation of the remaining CHF 250K is needed before the implementation phase; ' +
          'decision requested from the Management Coordination Group.',
      },
    ],
  },
  'TR-10': {
    last: 0,
    weeks: 6,
    percent: [35, 52],
    beats: [
      {
        health: 'green',
        summary: 'Phase 2 design agreed: achievements and KPI contribution per initiative.',
        achievements: 'Delegate feedback on phase 1 collected and prioritised.',
        nextSteps: 'Build the KPI contribution view on the baseline data.',
      },
      {
        health: 'green',
        summary: 'KPI contribution view in test with the Transformation Office.',
        achievements: 'Pillar pages now show completed initiatives and their benefits.',
        nextSteps: 'Accessibility review; user test with two delegations.',
      },
    ],
  },
  'TR-11': {
    last: 0,
    weeks: 6,
    percent: [55, 68],
    beats: [
      {
        health: 'green',
        summary: 'Data collection for the initial KPI set under way with the business units.',
        achievements: 'Time-to-recruit and ePMDS completion baselines validated.',
        nextSteps: 'Validate finance and conference KPIs.',
      },
      {
        health: 'amber',
        dimensions: { schedule: 'amber' },
        summary: 'Two KPIs lack reliable historical data; baseline date may slip.',
        achievements: 'Data quality checks documented for each KPI.',
        nextSteps: 'Agree proxy measures for the two KPIs with their owners.',
        blockers: 'No historical data for website satisfaction and travel processing time; proxies needed.',
      },
    ],
  },
  'TR-19': {
    last: 0,
    weeks: 6,
    percent: [90, 97],
    beats: [
      {
        health: 'green',
        summary: 'Remote participation upgrade rolled out to all meeting rooms.',
        achievements: 'Interpretation channels available in remote participation for the six languages.',
        nextSteps: 'Hand over to operations; close the vendor contract milestones.',
      },
      {
        health: 'green',
        summary: 'Handover to operations in progress; lessons learned session held.',
        achievements: 'Zero critical incidents in the last four meetings with remote participation.',
        nextSteps: 'Final acceptance and project closure report.',
      },
    ],
  },
  'TR-22': {
    last: 0,
    weeks: 6,
    percent: [40, 46],
    beats: [
      {
        health: 'green',
        summary: 'Draft risk management policy circulated to the Bureaux for comments.',
        achievements: 'Common risk register template agreed with the Management Coordination Group.',
        nextSteps: 'Consolidate comments; nominate risk focal points in each Bureau.',
      },
      {
        health: 'amber',
        dimensions: { schedule: 'amber' },
        summary: 'Comments consolidated; risk focal points nominated in two of the three Bureaux.',
        achievements: 'Risk appetite statement drafted.',
        nextSteps: 'Obtain the remaining nomination; prepare the Coordination Committee paper.',
        blockers: 'One Bureau has not yet nominated a risk focal point.',
      },
      {
        health: 'red',
        dimensions: { schedule: 'red', scope: 'amber' },
        summary:
          'Policy approval postponed: the Coordination Committee asked for a revised escalation model.',
        achievements: 'Register migrated to the common template for the General Secretariat.',
        nextSteps: 'Redraft the escalation model; new submission to the Coordination Committee.',
        blockers:
          'Approval postponed to the next Coordination Committee; the register cannot go live ITU-wide until the ' +
          'policy is approved.',
      },
    ],
  },
  'CC-01': {
    last: 0,
    weeks: 6,
    percent: [60, 70],
    beats: [
      {
        health: 'green',
        summary: 'Dashboard inventory complete: 37 dashboards across Bureaux and departments.',
        achievements: 'Inventory published on the ChangeMakers team site.',
        nextSteps: 'Propose data governance basics to the Transformation Office.',
      },
      {
        health: 'green',
        summary: 'Data literacy sessions planned with the Learning Labs.',
        achievements: 'First session for managers scheduled; materials drafted.',
        nextSteps: 'Run the first session; collect feedback.',
      },
    ],
  },
  'CC-02': {
    last: 0,
    weeks: 6,
    percent: [80, 88],
    beats: [
      {
        health: 'green',
        summary: 'AI guidance for communications work published on the AI Hub.',
        achievements: 'Examples for drafting, media monitoring and social media added.',
        nextSteps: 'Collect questions from communications focal points; update the FAQ.',
      },
    ],
  },

  // ---- reported last week (due this week) ----
  'AI-03': {
    last: 1,
    weeks: 6,
    percent: [44, 52],
    beats: [
      {
        health: 'green',
        summary: 'Leadership Development phase 1 tracks completed for the first cohort.',
        achievements: 'Psychological safety and unconscious bias modules delivered.',
        nextSteps: 'Plan the June tracks; invite ChangeMakers and young professionals.',
      },
      {
        health: 'green',
        summary: 'Adaptive leadership sessions for senior managers scheduled.',
        achievements: 'Wellness survey actions agreed by senior managers.',
        nextSteps: 'Confirm facilitators for the June tracks.',
      },
    ],
  },
  'AI-04': {
    last: 1,
    weeks: 6,
    percent: [50, 58],
    beats: [
      {
        health: 'amber',
        dimensions: { schedule: 'amber' },
        summary: 'First remediation measures implemented; panel scheduling remains the main bottleneck.',
        achievements: 'Standard shortlisting templates in use for all new vacancies.',
        nextSteps: 'Pilot pre-booked panel slots with two departments.',
        blockers: 'Hiring managers\u2019 availability for interview panels delays shortlisting.',
      },
      {
        health: 'red',
        dimensions: { schedule: 'red', scope: 'amber' },
        summary: 'Time to recruit rose again this month; panel pilot has not reduced delays yet.',
        achievements: 'Bottleneck analysis refreshed with this quarter\u2019s vacancies.',
        nextSteps:
          'Escalate panel availability to the Management Coordination Group; simplify the assessment step.',
        blockers:
          'Interview panels wait an average of three weeks for members. Need senior management agreement on ' +
          'panel rosters and a maximum time per recruitment step.',
        amendedFrom: {
          health: 'amber',
          dimensions: { schedule: 'amber' },
          summary: 'Time to recruit rose again this month.',
          percentDelta: -1,
        },
      },
    ],
  },
  'AI-05': {
    last: 1,
    weeks: 6,
    percent: [22, 30],
    beats: [
      {
        health: 'green',
        summary: 'End-to-end travel process mapped with HR Administration and Procurement.',
        achievements: 'Twelve manual hand-offs identified.',
        nextSteps: 'Review the external provider arrangements.',
      },
      {
        health: 'amber',
        dimensions: { schedule: 'amber' },
        summary: 'Provider contract review shows limited room for change before renewal.',
        achievements: 'Market scan of automated travel solutions used by other UN agencies.',
        nextSteps: 'Decide whether to renegotiate now or at renewal.',
        blockers: 'The external provider contract terms limit automation options until renewal.',
      },
    ],
  },
  'TR-08': {
    last: 1,
    weeks: 4,
    percent: [8, 14],
    beats: [
      {
        health: 'green',
        summary: 'Business requirements for the ERP and CRM RFP being consolidated.',
        achievements: 'Requirements workshops held with Finance, HR and Membership.',
        nextSteps: 'Finalise the RFP with Procurement.',
      },
    ],
  },
  'TR-09': {
    last: 1,
    weeks: 6,
    percent: [70, 79],
    beats: [
      {
        health: 'green',
        summary: 'AI Hub iteration 2 in development: use-case gallery and Seed Fund applications.',
        achievements: 'E-learning catalogue refreshed; 600 staff visited the Hub this month.',
        nextSteps: 'Open the second Seed Fund call.',
      },
    ],
  },
  'TR-12': {
    last: 1,
    weeks: 5,
    percent: [10, 18],
    beats: [
      {
        health: 'green',
        summary: 'Rewards & Recognition options benchmarked with other UN organisations.',
        achievements: 'Staff survey questions drafted with the ChangeMakers.',
        nextSteps: 'Launch the staff survey; draft the strategy outline.',
      },
    ],
  },
  'TR-13': {
    last: 1,
    weeks: 6,
    percent: [60, 72],
    beats: [
      {
        health: 'amber',
        dimensions: { schedule: 'amber' },
        summary: 'Recruitment data feed from the Recruitment Management System failing validation.',
        achievements: 'Sick leave overview migrated to the new Power BI workspace.',
        nextSteps: 'Fix the data mapping with Application Services.',
        blockers: 'RMS export changed format; the nightly load fails on two fields.',
      },
      {
        health: 'green',
        summary: 'RMS data feed fixed; workforce analytics refreshed nightly again.',
        achievements: 'Gender and geographical distribution pages updated for the Council dashboard.',
        nextSteps: 'Add the field offices view.',
      },
    ],
  },
  'TR-14': {
    last: 1,
    weeks: 6,
    percent: [38, 45],
    beats: [
      {
        health: 'green',
        summary: 'RMS to ERP integration design approved.',
        achievements: 'Careers site vacancy feed automated.',
        nextSteps: 'Build the candidate status interface.',
      },
      {
        health: 'amber',
        dimensions: { schedule: 'amber', scope: 'amber' },
        summary: 'Integration build delayed by the vendor\u2019s API change; scope of phase 1 under review.',
        achievements: 'Test environment connected.',
        nextSteps: 'Agree a reduced phase 1 scope with HR.',
        blockers: 'Vendor API change requires rework of the candidate status interface.',
      },
    ],
  },
  'TR-15': {
    last: 1,
    weeks: 6,
    percent: [30, 41],
    beats: [
      {
        health: 'amber',
        dimensions: { scope: 'amber' },
        summary: 'Data aggregation prototype works for two of five funding sources.',
        achievements: 'Copilot-assisted variance commentary tested with two cost centre owners.',
        nextSteps: 'Map extrabudgetary funds; agree reconciliation rules with Accounts.',
        blockers: 'Extrabudgetary data needs manual reconciliation before it can be aggregated.',
      },
    ],
  },
  'TR-17': {
    last: 1,
    weeks: 2,
    percent: [3, 6],
    beats: [
      {
        health: 'green',
        summary: 'Scope agreed; workplan alignment method drafted.',
        achievements: 'Priorities from the Senior Management Retreat mapped to budget lines.',
        nextSteps: 'Test the method with two departments.',
      },
    ],
  },
  'TR-20': {
    last: 1,
    weeks: 6,
    percent: [45, 55],
    beats: [
      {
        health: 'green',
        summary: 'AI-assisted translation in use for internal documents in two language sections.',
        achievements: 'Summary record drafting assistant piloted for one study group meeting.',
        nextSteps: 'Extend the pilot to the remaining language sections.',
      },
      {
        health: 'amber',
        dimensions: { scope: 'amber' },
        summary: 'Quality review of machine-assisted translation raised terminology issues.',
        achievements: 'Terminology database connected to the translation tool.',
        nextSteps: 'Quality review with revisers; update the terminology rules.',
        blockers: 'Terminology accuracy below the threshold for official documents in two languages.',
      },
    ],
  },
  'CC-04': {
    last: 1,
    weeks: 6,
    percent: [50, 57],
    beats: [
      {
        health: 'amber',
        dimensions: { scope: 'amber' },
        summary: 'Common event checklist agreed; registration harmonisation depends on the events platform.',
        achievements: 'Checklist adopted by Conference Services and two Bureaux.',
        nextSteps: 'Propose one owner for the ITU-wide events calendar.',
        blockers: 'No single owner for the events calendar across the Bureaux.',
      },
    ],
  },
  'CC-05': {
    last: 1,
    weeks: 6,
    percent: [55, 63],
    beats: [
      {
        health: 'green',
        summary: 'Document submission journey mapped from author to publication.',
        achievements: 'Six pain points prioritised with Documents and Publications.',
        nextSteps: 'Prototype a single submission form.',
      },
    ],
  },
  'CC-06': {
    last: 1,
    weeks: 6,
    percent: [40, 49],
    beats: [
      {
        health: 'green',
        summary: 'Top ten paper forms selected for digital workflows.',
        achievements: 'Electronic signature tested on leave requests.',
        nextSteps: 'Digitise the first three forms.',
      },
      {
        health: 'green',
        summary: 'First three forms live as digital workflows with electronic signature.',
        achievements: 'Average approval time of the digitised forms down from 6 to 2 days.',
        nextSteps: 'Next batch: travel authorisation and overtime forms.',
        amendedFrom: {
          summary: 'First two forms live as digital workflows.',
          percentDelta: -3,
        },
      },
    ],
  },
  'CC-08': {
    last: 1,
    weeks: 6,
    percent: [35, 42],
    beats: [
      {
        health: 'green',
        summary: 'Shared spaces opened for five inter-sectoral themes.',
        achievements:
          'Who-works-on-what directory prototype shared with the Inter-Sectoral Coordination Taskforce.',
        nextSteps: 'Add the Regional Offices to the directory.',
      },
    ],
  },
  'CC-09': {
    last: 1,
    weeks: 2,
    percent: [5, 10],
    beats: [
      {
        health: 'green',
        summary: 'First Learning Labs topics collected from staff.',
        achievements: '24 topic proposals received.',
        nextSteps: 'Select the first four Labs with the ITU Academy team.',
      },
    ],
  },

  // ---- overdue: nothing reported for two weeks or more ----
  'AI-06': {
    last: 3,
    weeks: 4,
    percent: [12, 18],
    beats: [
      {
        health: 'amber',
        dimensions: { scope: 'amber' },
        summary: 'Analysis of past mobility cases continuing; pilot scope not yet agreed.',
        achievements: 'Lessons learned from 15 past mobility cases summarised.',
        nextSteps: 'Agree pilot scope with the Transformation Group.',
        blockers: 'Scope of the pilot (which grades and duty stations) still open.',
      },
    ],
  },
  'TR-23': {
    last: 2,
    weeks: 5,
    percent: [30, 38],
    beats: [
      {
        health: 'green',
        summary: 'Document search prototype indexes Council documents in six languages.',
        achievements: 'Relevance tests with library staff passed for English and French.',
        nextSteps: 'Extend the index to study group documents.',
      },
    ],
  },
  'CC-03': {
    last: 3,
    weeks: 5,
    percent: [88, 95],
    beats: [
      {
        health: 'green',
        summary: 'Recommendations handed over to the ePMDS Accelerated Initiative.',
        achievements: 'Feedback on the enhanced ePMDS collected from 40 staff.',
        nextSteps: 'Closure note for the ChangeMakers network.',
      },
    ],
  },
  'CC-07': {
    last: 4,
    weeks: 4,
    percent: [45, 50],
    beats: [
      {
        health: 'amber',
        dimensions: { schedule: 'amber' },
        summary: 'Mobility policy proposal drafted; consultation with the Staff Council pending.',
        achievements: 'Proposal covers moves between headquarters and Regional Offices.',
        nextSteps: 'Present the proposal to the Staff Council.',
        blockers: 'Consultation date with the Staff Council not yet set.',
      },
    ],
  },

  // ---- not reporting any more: history only ----
  'TR-16': {
    last: 6,
    weeks: 5,
    percent: [88, 100],
    beats: [
      {
        health: 'green',
        summary: 'Treasury management and revaluation procedures in production.',
        achievements: 'Payroll cost distribution automated.',
        nextSteps: 'Close the project and hand over to Accounts.',
      },
      {
        health: 'green',
        summary: 'All four streams implemented; project closed.',
        achievements:
          'Payroll cost distribution, extrabudgetary fund management, treasury and revaluations live.',
        nextSteps: 'None: closed.',
      },
    ],
  },
  'TR-24': {
    last: 5,
    weeks: 4,
    percent: [20, 22],
    beats: [
      {
        health: 'amber',
        dimensions: { schedule: 'amber' },
        summary: 'Terms of reference for the Oversight Unit drafted.',
        achievements: 'Evaluation function benchmarked with three UN organisations.',
        nextSteps: 'Await the Council decision.',
      },
      {
        health: 'red',
        dimensions: { schedule: 'red' },
        summary: 'Project paused pending the Council decision on the Oversight Unit.',
        nextSteps: 'Resume when the decision is taken.',
        blockers: 'Council decision required before recruitment for the unit can start.',
      },
    ],
  },
};
