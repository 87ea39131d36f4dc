// The demo portfolio's projects: the six Accelerated Initiatives and the other transformation
// projects of seed 001 (with items from the One ITU report, seed 002, and the HR Strategic Plan,
// seed 003), and ten ChangeMakers change cases. Dates are days relative to today.
import type { PillarCode } from '../../domain/pillar.js';
import type { Project, ProjectKind, ProjectPhase } from '../../domain/project.js';
import { dayFromToday, type SeedTime } from '../seed-time.js';
import { DEMO_PROJECT_TITLES } from './project-titles.js';

export interface DemoProjectSpec {
  code: string;
  title: string;
  kind: ProjectKind;
  pillar: PillarCode;
  orgUnit: string;
  ownerId: string;
  leadIds?: string[];
  sponsorId?: string;
  phase: ProjectPhase;
  /** Days from today (negative: past). */
  start: number;
  due: number | null;
  budgetChf?: number;
  spendChf?: number;
  description: string;
  /** Codes of the projects this one depends on. */
  dependsOn?: string[];
  memberIds?: string[];
}

export function demoProjectId(code: string): string {
  return `prj-${code.toLowerCase()}`;
}

export const DEMO_PROJECTS: readonly DemoProjectSpec[] = [
  // ---- Accelerated Initiatives (seed 001, section 4) ----
  {
    code: 'AI-01',
    title: 'Performance management (ePMDS)',
    kind: 'accelerated-initiative',
    pillar: 'PAC',
    orgUnit: 'AF-HRP',
    ownerId: 'p-leila-benali',
    leadIds: ['p-ingrid-solberg'],
    sponsorId: 'p-mariana-costa',
    phase: 'executing',
    start: -420,
    due: 150,
    description:
      'Enhance the performance management system through the enhanced ePMDS tool for the performance ' +
      'management and workplan cycle: a simplified and streamlined process with fewer redundant elements, ' +
      'shaped by feedback from the ChangeMakers network, and the ability to link staff objectives to ITU ' +
      'strategic priorities. Training sessions for staff and supervisors support adoption.',
  },
  {
    code: 'AI-02',
    title: 'AI digital transformation',
    kind: 'accelerated-initiative',
    pillar: 'SPT',
    orgUnit: 'IS',
    ownerId: 'p-owner',
    leadIds: ['p-hiroshi-tanaka'],
    sponsorId: 'p-adebayo-okafor',
    phase: 'executing',
    start: -400,
    due: 240,
    budgetChf: 420_000,
    spendChf: 265_000,
    description:
      'Adopt AI across ITU, starting from the Microsoft 365 Copilot pilot: Copilot licences rolled out to AI ' +
      'Champions with a focus on high-value use cases - HR recruitment productivity, AI-enabled search of ITU ' +
      'official documents, end-to-end meeting management and follow-up actions, data aggregation for ' +
      'financial dashboards, partnerships and accounts management, and event management, registration and ' +
      'planning optimisation.',
  },
  {
    code: 'AI-03',
    title: 'Leadership culture',
    kind: 'accelerated-initiative',
    pillar: 'PAC',
    orgUnit: 'AF-HRP',
    ownerId: 'p-priya-nair',
    leadIds: ['p-kwame-asante'],
    sponsorId: 'p-mariana-costa',
    phase: 'executing',
    start: -380,
    due: 300,
    description:
      'The ITU Leadership Development training, in several tracks that build leadership capabilities at all ' +
      'levels. Phase 1 covers psychological safety and trust, unconscious bias, gender, diversity and ' +
      'inclusion; senior managers take adaptive leadership training and address the staff wellness survey. ' +
      'Later phases add development events for ChangeMakers and young professionals and internal support ' +
      'systems that sustain the effort.',
  },
  {
    code: 'AI-04',
    title: 'Recruitment process re-engineering',
    kind: 'accelerated-initiative',
    pillar: 'PAC',
    orgUnit: 'AF-HRP',
    ownerId: 'p-leila-benali',
    leadIds: ['p-sergei-petrov'],
    sponsorId: 'p-mariana-costa',
    phase: 'executing',
    start: -360,
    due: 120,
    description:
      'Improve the recruitment system, a key process for ITU strategic goals. The process re-engineering ' +
      'exercise identified the key bottlenecks and the remediation measures; the first improvements are ' +
      'being implemented, aiming at a shorter time to recruit and a strengthened, simplified recruitment model.',
  },
  {
    code: 'AI-05',
    title: 'Travel process review',
    kind: 'accelerated-initiative',
    pillar: 'RES',
    orgUnit: 'AF-HRA',
    ownerId: 'p-sergei-petrov',
    leadIds: ['p-olumide-adeyemi'],
    sponsorId: 'p-mariana-costa',
    phase: 'executing',
    start: -200,
    due: 210,
    description:
      'Review the end-to-end travel process to find improvements, streamline it and introduce a more ' +
      'automated travel solution, and review the current service arrangements with the external travel provider.',
  },
  {
    code: 'AI-06',
    title: 'Mobility pilot',
    kind: 'accelerated-initiative',
    pillar: 'PAC',
    orgUnit: 'AF-HRP',
    ownerId: 'p-priya-nair',
    sponsorId: 'p-mariana-costa',
    phase: 'planning',
    start: -150,
    due: 330,
    dependsOn: ['CC-07'],
    description:
      'Design and run a mobility pilot with input from the ChangeMakers network and the Transformation Group. ' +
      'Analyse the current policy and processes, past mobility cases and lessons learned to refine the ' +
      'approach, scope and implementation.',
  },

  // ---- Other transformation projects (seed 001 section 5, seed 002, seed 003) ----
  {
    code: 'TR-07',
    title: 'New ITU website',
    kind: 'project',
    pillar: 'SPT',
    orgUnit: 'SPM-EAC',
    ownerId: 'p-owner',
    leadIds: ['p-camille-dubois'],
    sponsorId: 'p-grace-achieng',
    phase: 'executing',
    start: -300,
    due: 420,
    budgetChf: 600_000,
    spendChf: 350_000,
    description:
      'A new website that is secure, searchable, multilingual, harmonised and user-centric. CHF 350,000 of ' +
      'the CHF 600,000 overall budget is allocated. Phase 1: RFPs for information architecture, taxonomy and ' +
      'website design; in parallel an assessment of current web content and infrastructure and a web ' +
      'governance framework, for a data-based clean-up and archiving of outdated or redundant content. ' +
      'Implementation starts once Phase 1 outcomes are in.',
  },
  {
    code: 'TR-08',
    title: 'ERP and CRM platform upgrade',
    kind: 'project',
    pillar: 'SPT',
    orgUnit: 'IS-ASD',
    ownerId: 'p-hiroshi-tanaka',
    sponsorId: 'p-adebayo-okafor',
    phase: 'planning',
    start: -60,
    due: 700,
    description:
      'Upgrade the Enterprise Resource Planning (ERP) and Customer Relations Management (CRM) platforms, ' +
      'starting with the launch of the RFP. Retires systems running on obsolete technologies and supports ' +
      'One ITU account management with members and partners.',
  },
  {
    code: 'TR-09',
    title: 'ITU AI Hub',
    kind: 'project',
    pillar: 'SPT',
    orgUnit: 'IS',
    ownerId: 'p-owner',
    leadIds: ['p-camille-dubois'],
    sponsorId: 'p-adebayo-okafor',
    phase: 'executing',
    start: -430,
    due: 90,
    budgetChf: 150_000,
    spendChf: 98_000,
    dependsOn: ['AI-02'],
    description:
      'A single point of access for AI tools, e-learning materials, resources and the AI Seed Fund, available ' +
      'to all ITU staff. Building on the "AI in Comms" ChangeMaker case, the Hub promotes the adoption, ' +
      'capacity development and effective use of AI in all internal areas of work. Iteration 2 adds use-case ' +
      'sharing and the Seed Fund application flow.',
  },
  {
    code: 'TR-10',
    title: 'Transformation dashboard - phase 2',
    kind: 'project',
    pillar: 'GOV',
    orgUnit: 'GS-TO',
    ownerId: 'p-ingrid-solberg',
    leadIds: ['p-analyst'],
    sponsorId: 'p-cto',
    phase: 'executing',
    start: -120,
    due: 75,
    dependsOn: ['TR-11'],
    description:
      'The Transformation dashboard gives delegates up-to-date information on the progress of the ' +
      'transformation initiatives across the pillars. Phase 2 highlights key achievements and shows how ' +
      'completed initiatives contribute to the defined KPIs and benefits.',
  },
  {
    code: 'TR-11',
    title: 'KPI baseline assessment',
    kind: 'project',
    pillar: 'GOV',
    orgUnit: 'GS-TO',
    ownerId: 'p-analyst',
    leadIds: ['p-kwame-asante'],
    sponsorId: 'p-cto',
    phase: 'executing',
    start: -160,
    due: 45,
    description:
      'With the business units, gather data on the initial set of transformation KPIs and build the baseline ' +
      'for comparison after improvements: collect and validate the accuracy and reliability of the data, ' +
      'enhance existing dashboards and develop new ones.',
  },
  {
    code: 'TR-12',
    title: 'Rewards & Recognition strategy',
    kind: 'project',
    pillar: 'PAC',
    orgUnit: 'AF-HRP',
    ownerId: 'p-leila-benali',
    leadIds: ['p-priya-nair'],
    sponsorId: 'p-mariana-costa',
    phase: 'planning',
    start: -90,
    due: 200,
    dependsOn: ['AI-01'],
    description:
      'A Rewards & Recognition strategy aligned with the performance management framework, with meaningful ' +
      'mechanisms to recognise and celebrate staff contributions and foster a culture of excellence and engagement.',
  },
  {
    code: 'TR-13',
    title: 'HR dashboards in Power BI',
    kind: 'project',
    pillar: 'PAC',
    orgUnit: 'AF-HRA',
    ownerId: 'p-sergei-petrov',
    leadIds: ['p-analyst'],
    sponsorId: 'p-mariana-costa',
    phase: 'executing',
    start: -210,
    due: 60,
    description:
      'Extend the HR Workforce Analytic Report in Power BI (gender and geographical distribution, staff in ' +
      'the field) and the sick leave overview, with data from the Recruitment Management System, for ' +
      'data-driven decisions and the Council dashboard.',
  },
  {
    code: 'TR-14',
    title: 'E-recruitment: Recruitment Management System integration',
    kind: 'project',
    pillar: 'SPT',
    orgUnit: 'IS-ASD',
    ownerId: 'p-hiroshi-tanaka',
    leadIds: ['p-sergei-petrov'],
    sponsorId: 'p-mariana-costa',
    phase: 'executing',
    start: -180,
    due: 100,
    dependsOn: ['AI-04'],
    description:
      'Integrate recruitment data from the Recruitment Management System with the ERP and the careers site, ' +
      'automate shortlisting steps identified by the recruitment re-engineering, and monitor timelines.',
  },
  {
    code: 'TR-15',
    title: 'Financial dashboards with AI data aggregation',
    kind: 'project',
    pillar: 'RES',
    orgUnit: 'AF-BFA',
    ownerId: 'p-wei-zhang',
    leadIds: ['p-fatima-al-sayed'],
    sponsorId: 'p-mariana-costa',
    phase: 'executing',
    start: -140,
    due: 130,
    dependsOn: ['AI-02'],
    description:
      'Enhanced financial dashboards, one of the AI use cases of the AI digital transformation: aggregate ' +
      'financial data so that cost centre owners and project managers have timely, trusted figures for ' +
      'their budget, funding and results.',
  },
  {
    code: 'TR-16',
    title: 'Financial transformation streams',
    kind: 'project',
    pillar: 'RES',
    orgUnit: 'AF-ACC',
    ownerId: 'p-fatima-al-sayed',
    sponsorId: 'p-mariana-costa',
    phase: 'done',
    start: -520,
    due: -40,
    budgetChf: 180_000,
    spendChf: 171_500,
    description:
      'The financial transformation streams of the Financial Management Transformation Plan: payroll cost ' +
      'distribution, extrabudgetary fund management, treasury management, and accounting and revaluations.',
  },
  {
    code: 'TR-17',
    title: 'Strategic prioritization and financial alignment',
    kind: 'project',
    pillar: 'RES',
    orgUnit: 'AF-BFA',
    ownerId: 'p-wei-zhang',
    leadIds: ['p-rajesh-iyer'],
    sponsorId: 'p-mariana-costa',
    phase: 'planning',
    start: -12,
    due: 260,
    description:
      'Link financial resources clearly to priorities and expected results: align the budget process with ' +
      'the strategic priorities set at the Senior Management Retreat and the departmental workplans.',
  },
  {
    code: 'TR-18',
    title: 'Procurement process review',
    kind: 'project',
    pillar: 'RES',
    orgUnit: 'AF-PRO',
    ownerId: 'p-olumide-adeyemi',
    sponsorId: 'p-mariana-costa',
    phase: 'proposed',
    start: 30,
    due: 300,
    description:
      'Harmonise and simplify procurement rules and procedures, one of the resource optimisation priorities, ' +
      'and review practices with other international organisations.',
  },
  {
    code: 'TR-19',
    title: 'Remote meeting participation services',
    kind: 'project',
    pillar: 'MAP',
    orgUnit: 'IS-ISD',
    ownerId: 'p-samuel-boateng',
    sponsorId: 'p-adebayo-okafor',
    phase: 'closing',
    start: -480,
    due: 14,
    budgetChf: 240_000,
    spendChf: 231_000,
    description:
      'Expand and improve remote meeting participation, enabling greater inclusivity and closing the ' +
      'business continuity gaps highlighted by the Covid-19 pandemic.',
  },
  {
    code: 'TR-20',
    title: 'Conference and language services with AI',
    kind: 'project',
    pillar: 'MAP',
    orgUnit: 'CP',
    ownerId: 'p-youssef-el-amrani',
    leadIds: ['p-elena-morozova'],
    sponsorId: 'p-roberto-alvarez',
    phase: 'executing',
    start: -250,
    due: 180,
    description:
      'Continuous improvement of conference service delivery and language services - translation, ' +
      'interpretation and summary records in the six official languages - integrating AI where possible.',
  },
  {
    code: 'TR-21',
    title: 'Meeting management and member follow-up',
    kind: 'project',
    pillar: 'MAP',
    orgUnit: 'SPM-MCG',
    ownerId: 'p-ana-lucia-torres',
    leadIds: ['p-hiroshi-tanaka'],
    sponsorId: 'p-grace-achieng',
    phase: 'planning',
    start: -24,
    due: 365,
    dependsOn: ['TR-08'],
    description:
      'End-to-end meeting management and follow-up actions, an AI use case that improves relationship ' +
      'management with members and partners, ahead of the CRM upgrade.',
  },
  {
    code: 'TR-22',
    title: 'Risk management policy and risk register',
    kind: 'project',
    pillar: 'GOV',
    orgUnit: 'SPM-CSD',
    ownerId: 'p-rajesh-iyer',
    sponsorId: 'p-grace-achieng',
    phase: 'executing',
    start: -230,
    due: 90,
    description:
      'A common, One ITU approach to risk management: update the risk management policy and processes and ' +
      'the risk register across the three Bureaux and the General Secretariat.',
  },
  {
    code: 'TR-23',
    title: 'AI-enabled search of ITU official documents',
    kind: 'project',
    pillar: 'SPT',
    orgUnit: 'IS-LAS',
    ownerId: 'p-mei-ling-chen',
    leadIds: ['p-owner'],
    sponsorId: 'p-adebayo-okafor',
    phase: 'executing',
    start: -170,
    due: 160,
    dependsOn: ['AI-02'],
    description:
      'An AI use case: search ITU official documents in the six languages with AI assistance, grounded on ' +
      'the document repositories and archives.',
  },
  {
    code: 'TR-24',
    title: 'Oversight Unit',
    kind: 'project',
    pillar: 'GOV',
    orgUnit: 'GS-IAU',
    ownerId: 'p-jonas-becker',
    sponsorId: 'p-cto',
    phase: 'on-hold',
    start: -330,
    due: 200,
    description:
      'Bring the audit and investigation functions together in one Oversight Unit with a new evaluation ' +
      'function, strengthening the third line of defence. On hold pending the related Council decision.',
  },

  // ---- ChangeMakers change cases (seed 001 section 6, seed 002) ----
  {
    code: 'CC-01',
    title: 'Data-Driven Decision Making',
    kind: 'change-case',
    pillar: 'GOV',
    orgUnit: 'GS-TO',
    ownerId: 'p-kwame-asante',
    leadIds: ['p-amina-yusuf'],
    sponsorId: 'p-cto',
    phase: 'executing',
    start: -500,
    due: 120,
    memberIds: ['p-amina-yusuf', 'p-changemaker', 'p-arjun-mehta', 'p-ebere-nwosu', 'p-nguyen-thi-lan'],
    description:
      'Make timely data available in easy-to-use formats so that decisions are based on facts: an inventory ' +
      'of the dashboards units already use, data governance basics and a data literacy offer for managers.',
  },
  {
    code: 'CC-02',
    title: 'AI in Communications',
    kind: 'change-case',
    pillar: 'SPT',
    orgUnit: 'SPM-EAC',
    ownerId: 'p-camille-dubois',
    leadIds: ['p-chloe-martin'],
    sponsorId: 'p-grace-achieng',
    phase: 'executing',
    start: -500,
    due: 60,
    memberIds: ['p-chloe-martin', 'p-changemaker', 'p-zhou-min', 'p-pierre-lefevre'],
    description:
      'Use AI responsibly in ITU communications work - drafting, translation support, social media and ' +
      'media monitoring - with shared guidance and examples. The case seeded the ITU AI Hub.',
  },
  {
    code: 'CC-03',
    title: 'Performance Management',
    kind: 'change-case',
    pillar: 'PAC',
    orgUnit: 'AF-HRP',
    ownerId: 'p-leila-benali',
    leadIds: ['p-valentina-rossi'],
    sponsorId: 'p-mariana-costa',
    phase: 'closing',
    start: -520,
    due: 20,
    memberIds: ['p-valentina-rossi', 'p-mariam-saleh', 'p-tendai-moyo', 'p-olga-ivanova'],
    description:
      'ChangeMakers feedback on the performance management process - fewer redundant elements and a more ' +
      'efficient evaluation - that shaped the enhanced ePMDS of the Accelerated Initiative.',
  },
  {
    code: 'CC-04',
    title: 'Harmonisation of conferences and events',
    kind: 'change-case',
    pillar: 'MAP',
    orgUnit: 'CP-CS',
    ownerId: 'p-youssef-el-amrani',
    leadIds: ['p-zeynep-kaya'],
    sponsorId: 'p-roberto-alvarez',
    phase: 'executing',
    start: -450,
    due: 150,
    memberIds: ['p-zeynep-kaya', 'p-hana-kobayashi', 'p-karim-haddad', 'p-juan-pablo-rios'],
    description:
      'Harmonise how conferences and events are organised across the Bureaux and the General Secretariat, to ' +
      'give participants a better and unified experience from registration to follow-up.',
  },
  {
    code: 'CC-05',
    title: 'Document processing harmonisation',
    kind: 'change-case',
    pillar: 'SPT',
    orgUnit: 'CP-DPC',
    ownerId: 'p-elena-morozova',
    leadIds: ['p-olga-ivanova'],
    sponsorId: 'p-roberto-alvarez',
    phase: 'executing',
    start: -450,
    due: 180,
    memberIds: ['p-olga-ivanova', 'p-changemaker', 'p-mateo-fernandez', 'p-zhou-min'],
    description:
      'Harmonise and improve document processing, including the user experience of submitting, finding and ' +
      'following documents through translation and publication.',
  },
  {
    code: 'CC-06',
    title: 'Digitalisation of internal processes',
    kind: 'change-case',
    pillar: 'SPT',
    orgUnit: 'IS-USD',
    ownerId: 'p-hiroshi-tanaka',
    leadIds: ['p-pierre-lefevre'],
    sponsorId: 'p-adebayo-okafor',
    phase: 'executing',
    start: -440,
    due: 210,
    memberIds: ['p-pierre-lefevre', 'p-arjun-mehta', 'p-mariam-saleh', 'p-aleksandr-sokolov'],
    description:
      'Move paper and e-mail approval chains to simple digital workflows with electronic signature, starting ' +
      'with the forms staff use most.',
  },
  {
    code: 'CC-07',
    title: 'Functional mobility',
    kind: 'change-case',
    pillar: 'PAC',
    orgUnit: 'AF-HRP',
    ownerId: 'p-priya-nair',
    leadIds: ['p-tendai-moyo'],
    sponsorId: 'p-mariana-costa',
    phase: 'executing',
    start: -430,
    due: 90,
    memberIds: ['p-tendai-moyo', 'p-nguyen-thi-lan', 'p-aleksandr-sokolov', 'p-valentina-rossi'],
    description:
      'A reviewed functional mobility policy, proposed by the ChangeMakers: lessons from past mobility cases ' +
      'and a proposal for the mobility pilot, including moves between headquarters and the Regional Offices.',
  },
  {
    code: 'CC-08',
    title: 'Inter-sectoral collaboration and knowledge sharing',
    kind: 'change-case',
    pillar: 'GOV',
    orgUnit: 'TSB',
    ownerId: 'p-lukas-novak',
    leadIds: ['p-hana-kobayashi'],
    sponsorId: 'p-cto',
    phase: 'executing',
    start: -400,
    due: 140,
    memberIds: ['p-hana-kobayashi', 'p-zhou-min', 'p-mateo-fernandez', 'p-karim-haddad', 'p-ebere-nwosu'],
    description:
      'Break down silos between the three Bureaux, the Regional Offices and the General Secretariat: a shared ' +
      'space per inter-sectoral theme and a simple way to find who works on what.',
  },
  {
    code: 'CC-09',
    title: 'Learning Labs and expertise sharing',
    kind: 'change-case',
    pillar: 'PAC',
    orgUnit: 'BR',
    ownerId: 'p-aicha-diallo',
    leadIds: ['p-mateo-fernandez'],
    sponsorId: 'p-mariana-costa',
    phase: 'planning',
    start: -20,
    due: 240,
    memberIds: ['p-mateo-fernandez', 'p-arjun-mehta', 'p-ebere-nwosu'],
    description:
      'Experiential learning sessions where staff share expertise hands-on, run on the ITU Academy platform ' +
      'with the ITU-wide training guidelines.',
  },
  {
    code: 'CC-10',
    title: 'Regional events coordination',
    kind: 'change-case',
    pillar: 'MAP',
    orgUnit: 'RO-AMS',
    ownerId: 'p-gabriel-santos',
    leadIds: ['p-juan-pablo-rios'],
    sponsorId: 'p-carlos-mendoza',
    phase: 'proposed',
    start: 21,
    due: 270,
    memberIds: [
      'p-juan-pablo-rios',
      'p-karim-haddad',
      'p-tendai-moyo',
      'p-aleksandr-sokolov',
      'p-nguyen-thi-lan',
    ],
    description:
      'Coordinate the organisation of events at the regional level to avoid overlaps, with one shared ' +
      'calendar across the Regional Offices and the Bureaux.',
  },
];

export function buildDemoProjects(t: SeedTime): Project[] {
  return DEMO_PROJECTS.map((s) => ({
    id: demoProjectId(s.code),
    code: s.code,
    title: s.title,
    ...(DEMO_PROJECT_TITLES[s.code] ? { titles: DEMO_PROJECT_TITLES[s.code] } : {}),
    kind: s.kind,
    pillar: s.pillar,
    orgUnit: s.orgUnit,
    ownerId: s.ownerId,
    leadIds: s.leadIds ?? [],
    sponsorId: s.sponsorId ?? null,
    phase: s.phase,
    startDate: dayFromToday(t, s.start),
    dueDate: s.due === null ? null : dayFromToday(t, s.due),
    budgetChf: s.budgetChf ?? null,
    spendChf: s.spendChf ?? null,
    description: s.description,
    dependencies: (s.dependsOn ?? []).map(demoProjectId),
    memberIds: s.memberIds ?? [],
    version: 1,
    createdAt: t.nowIso,
    updatedAt: t.nowIso,
  }));
}
