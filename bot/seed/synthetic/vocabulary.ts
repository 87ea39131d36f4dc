// Words the synthetic portfolio is made of: fictional names from many regions and the phrases of
// transformation reporting, so generated text reads like the real thing and search has something to
// match. Nothing here refers to a real person.
import type { KpiDirection } from '../../domain/kpi.js';
import type { PillarCode } from '../../domain/pillar.js';
import type { RiskCategory } from '../../domain/risk.js';

// prettier-ignore
export const FIRST_NAMES = [
  'Aarav', 'Abena', 'Adriana', 'Ahmad', 'Aiko', 'Alejandro', 'Alina', 'Amadou', 'Anastasia', 'Andrés',
  'Anjali', 'Arash', 'Bilal', 'Bongani', 'Camila', 'Chen', 'Chiara', 'Dalia', 'Diego', 'Dinara', 'Elif',
  'Emeka', 'Esra', 'Fernanda', 'Folake', 'Gulnara', 'Hamza', 'Hye-jin', 'Ibrahim', 'Ines', 'Irina',
  'Jae-won', 'Javier', 'Jin', 'Kamala', 'Kofi', 'Laila', 'Lars', 'Lina', 'Luca', 'Malak', 'Manuel', 'Marta',
  'Mehmet', 'Min-jun', 'Nadia', 'Nikolai', 'Noura', 'Oksana', 'Omar', 'Paulo', 'Ramón', 'Rania', 'Ravi',
  'Rosa', 'Saida', 'Salma', 'Santiago', 'Shreya', 'Siddharth', 'Simone', 'Sipho', 'Svetlana', 'Tariq',
  'Thandiwe', 'Tuan', 'Valeria', 'Viktor', 'Xiaoling', 'Yasmin', 'Yerlan', 'Yusuf', 'Zainab', 'Zhanna',
  'Zoltan',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Abdullah', 'Acheampong', 'Alvarado', 'Andersen', 'Babatunde', 'Banerjee', 'Bauer', 'Bianchi', 'Cabrera',
  'Castillo', 'Chaudhry', 'Cho', 'Da Silva', 'Delgado', 'Dlamini', 'Duarte', 'El-Khoury', 'Eriksen', 'Farah',
  'Fofana', 'Gashi', 'Ghosh', 'Gonzaga', 'Hamdan', 'Hosseini', 'Huang', 'Ibrahimov', 'Jovanović', 'Kamau',
  'Kang', 'Karimova', 'Kowalski', 'Kumar', 'Lebedev', 'Lim', 'Lopes', 'Maalouf', 'Makarova', 'Mensah',
  'Molina', 'Mukherjee', 'Nakamura', 'Ndiaye', 'Novikova', 'Obi', 'Okeke', 'Osei', 'Park', 'Pereira',
  'Popescu', 'Qureshi', 'Ramos', 'Rashidi', 'Reyes', 'Romanenko', 'Sahin', 'Sandoval', 'Sesay', 'Shah',
  'Suárez', 'Tadesse', 'Takahashi', 'Tembo', 'Tran', 'Usmonov', 'Vargas', 'Vasquez', 'Wanjiru', 'Xu',
  'Yamamoto', 'Yilmaz', 'Zapata', 'Zhou', 'Zubair',
] as const;

export const ACTIONS = [
  'Streamline',
  'Digitise',
  'Harmonise',
  'Automate',
  'Modernise',
  'Simplify',
  'Redesign',
  'Consolidate',
  'Improve',
  'Integrate',
] as const;

export const SUBJECTS: Readonly<Record<PillarCode, readonly string[]>> = {
  GOV: [
    'risk register reporting',
    'internal controls testing',
    'delegation of authority',
    'accountability framework',
    'policy review cycle',
    'audit recommendation follow-up',
    'portfolio prioritisation',
    'workplan alignment',
  ],
  SPT: [
    'document workflows',
    'service desk requests',
    'ERP purchase requisitions',
    'records management',
    'collaboration sites',
    'electronic signature',
    'data platform',
    'identity and access management',
  ],
  PAC: [
    'onboarding of newcomers',
    'learning plans',
    'performance check-ins',
    'internal mobility',
    'staff wellbeing',
    'recognition programme',
    'competency framework',
    'flexible working arrangements',
  ],
  RES: [
    'travel approvals',
    'procurement requests',
    'budget monitoring',
    'cost allocation',
    'treasury reporting',
    'office space planning',
    'extrabudgetary project reporting',
    'invoice processing',
  ],
  MAP: [
    'event registration',
    'member relations follow-up',
    'remote participation',
    'publication sales',
    'partner onboarding',
    'meeting documents',
    'conference planning',
    'study group collaboration',
  ],
};

export const SUMMARIES = [
  'Work on track; the team completed the planned activities for the week.',
  'Requirements agreed with the business owners; design in progress.',
  'Pilot running with two units; feedback collected weekly.',
  'Vendor onboarding completed; configuration started.',
  'User acceptance testing in progress.',
  'Training material drafted in the six official languages.',
  'Roll-out plan agreed with the Regional Offices.',
  'Data migration rehearsal completed.',
  'Process maps validated with the ChangeMakers.',
  'Change impact assessment shared with staff representatives.',
] as const;

export const ACHIEVEMENTS = [
  'Workshop held with the business owners.',
  'Prototype demonstrated to the steering group.',
  'First release deployed to the pilot group.',
  'Process documentation published on the intranet.',
  'Training session delivered to focal points.',
  'Data quality checks automated.',
  '',
] as const;

export const NEXT_STEPS = [
  'Prepare the next release.',
  'Extend the pilot to more units.',
  'Finalise the communication plan.',
  'Complete testing and sign-off.',
  'Agree the roll-out schedule.',
  'Review lessons learned with the team.',
] as const;

export const BLOCKERS = [
  'Waiting for a decision on additional budget.',
  'Key subject-matter experts are not available until next month.',
  'Vendor delivery is two weeks late.',
  'Data from the legacy system is incomplete.',
  'Procurement process for the licences is taking longer than planned.',
  'Dependency on the ERP upgrade timeline.',
  'Staff representatives asked for more consultation.',
] as const;

export const RISK_TEMPLATES: ReadonlyArray<{ title: string; category: RiskCategory }> = [
  { title: 'Key staff may not be available for testing', category: 'people' },
  { title: 'Budget may not cover the full scope', category: 'financial' },
  { title: 'Vendor may deliver late', category: 'delivery' },
  { title: 'Legacy data quality may delay migration', category: 'technology' },
  { title: 'Low adoption by staff after roll-out', category: 'people' },
  { title: 'Policy approval may be postponed', category: 'compliance' },
  { title: 'Cyber security findings may block go-live', category: 'technology' },
  { title: 'Competing priorities in the business unit', category: 'strategic' },
  { title: 'Member states may question the approach', category: 'reputational' },
  { title: 'Process change may not be sustained after handover', category: 'operational' },
];

export const MILESTONE_TITLES = [
  'Requirements signed off',
  'Design approved',
  'Pilot launched',
  'User acceptance testing complete',
  'Go-live',
  'Training delivered',
  'Handover to operations',
  'Benefits review',
] as const;

export const KPI_TEMPLATES: ReadonlyArray<{
  title: string;
  unit: string;
  direction: KpiDirection;
  baseline: readonly [number, number];
  improvement: readonly [number, number];
}> = [
  {
    title: 'Processing time',
    unit: 'days',
    direction: 'lower-is-better',
    baseline: [10, 60],
    improvement: [0.2, 0.5],
  },
  {
    title: 'Requests handled digitally',
    unit: '%',
    direction: 'higher-is-better',
    baseline: [10, 50],
    improvement: [0.3, 0.9],
  },
  {
    title: 'User satisfaction',
    unit: 'score /5',
    direction: 'higher-is-better',
    baseline: [2, 3.5],
    improvement: [0.1, 0.3],
  },
  {
    title: 'Staff trained',
    unit: '%',
    direction: 'higher-is-better',
    baseline: [0, 30],
    improvement: [0.5, 2],
  },
  {
    title: 'Cost per transaction',
    unit: 'CHF',
    direction: 'lower-is-better',
    baseline: [20, 200],
    improvement: [0.1, 0.4],
  },
  {
    title: 'Error rate',
    unit: '%',
    direction: 'lower-is-better',
    baseline: [3, 15],
    improvement: [0.3, 0.7],
  },
];
