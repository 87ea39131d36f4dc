// The five people every seeded portfolio contains, with fixed ids and Entra object ids: the
// Microsoft 365 Agents Playground configuration and the development identity of the tab and the API
// act as them, so a developer can be the CTO, a project owner, a ChangeMaker, a viewer or the
// Transformation Office's data analyst without a tenant. Names are fictional.
import type { Locale } from '../domain/locale.js';
import type { Role } from '../domain/person.js';

export interface DemoPersona {
  id: string;
  aadObjectId: string;
  role: Role;
  name: string;
  email: string;
  orgUnit: string;
  /**
   * null: follow the language the Teams client reports, so the Playground can be switched between
   * the six languages without editing the roster.
   */
  locale: Locale | null;
  timeZone: string;
  /** What the persona stands for, for READMEs and the development identity picker. */
  description: string;
}

export const DEMO_PERSONAS = {
  cto: {
    id: 'p-cto',
    aadObjectId: '00000000-0000-4000-8000-000000000001',
    role: 'cto',
    name: 'Nadia Rahimi',
    email: 'nadia.rahimi@itu.example',
    orgUnit: 'GS-TO',
    locale: 'en',
    timeZone: 'Europe/Zurich',
    description: 'Chief Transformation Officer',
  },
  owner: {
    id: 'p-owner',
    aadObjectId: '00000000-0000-4000-8000-000000000002',
    role: 'owner',
    name: 'Daniel Mwangi',
    email: 'daniel.mwangi@itu.example',
    orgUnit: 'IS',
    locale: 'en',
    timeZone: 'Europe/Zurich',
    description: 'Project owner: AI digital transformation, the new website and the AI Hub',
  },
  changemaker: {
    id: 'p-changemaker',
    aadObjectId: '00000000-0000-4000-8000-000000000003',
    role: 'changemaker',
    name: 'Sofia Lindgren',
    email: 'sofia.lindgren@itu.example',
    orgUnit: 'CP-DPC',
    locale: null,
    timeZone: 'Europe/Zurich',
    description:
      'ChangeMaker, member of the Data-Driven Decision Making and AI in Communications change cases',
  },
  viewer: {
    id: 'p-viewer',
    aadObjectId: '00000000-0000-4000-8000-000000000004',
    role: 'viewer',
    name: 'Lucas Moreau',
    email: 'lucas.moreau@itu.example',
    orgUnit: 'BDT',
    locale: null,
    timeZone: 'Europe/Zurich',
    description: 'Staff member with read access to the portfolio',
  },
  analyst: {
    id: 'p-analyst',
    aadObjectId: '00000000-0000-4000-8000-000000000005',
    role: 'cto',
    name: 'Tomás Herrera',
    email: 'tomas.herrera@itu.example',
    orgUnit: 'GS-TO',
    locale: 'en',
    timeZone: 'Europe/Zurich',
    description: 'Transformation Office data analyst',
  },
} as const satisfies Record<string, DemoPersona>;

export type DemoPersonaKey = keyof typeof DEMO_PERSONAS;

export const DEMO_PERSONA_LIST: readonly DemoPersona[] = Object.values(DEMO_PERSONAS);
