// The demo roster: fictional people (no real ITU staff) covering every role of PRODUCT.md section 1,
// spread over the org units of seeds 002 and 004, the six official languages and the Regional
// Offices' time zones. The five DEMO_PERSONAS come first with their fixed ids.
import type { Locale } from '../../domain/locale.js';
import type { Person, Role } from '../../domain/person.js';
import { buildPerson, emailLocalPart, type PersonSpec } from '../build-person.js';
import { DEMO_PERSONA_LIST } from '../personas.js';

interface RosterLine {
  name: string;
  role: Role;
  orgUnit: string;
  locale: Locale | null;
  timeZone?: string;
  /** What this person does in the demo (not stored; documents the roster). */
  as: string;
}

const ZURICH = 'Europe/Zurich';

/** Everyone but the personas. Ids are `p-` plus the name (see demoPersonId). */
const OTHERS: readonly RosterLine[] = [
  // Transformation Office (seed 000, Annex 1): with the CTO and the data analyst personas.
  {
    name: 'Ingrid Solberg',
    role: 'cto',
    orgUnit: 'GS-TO',
    locale: 'en',
    as: 'Transformation Office project manager',
  },
  {
    name: 'Kwame Asante',
    role: 'cto',
    orgUnit: 'GS-TO',
    locale: 'fr',
    as: 'Transformation Office business analyst',
  },

  // Heads of department who sponsor projects (seed 004).
  {
    name: 'Mariana Costa',
    role: 'owner',
    orgUnit: 'AF',
    locale: 'es',
    as: 'Head, Administration and Finance',
  },
  { name: 'Adebayo Okafor', role: 'owner', orgUnit: 'IS', locale: 'en', as: 'Head, Information Services' },
  {
    name: 'Grace Achieng',
    role: 'owner',
    orgUnit: 'SPM',
    locale: 'en',
    as: 'Head, Strategic Planning and Membership',
  },
  {
    name: 'Roberto Álvarez',
    role: 'owner',
    orgUnit: 'CP',
    locale: 'es',
    as: 'Head, Conferences and Publications',
  },
  {
    name: 'Carlos Mendoza',
    role: 'owner',
    orgUnit: 'BDT',
    locale: 'es',
    as: 'Sponsor for the Regional Offices',
  },

  // Project owners and leads.
  {
    name: 'Leila Benali',
    role: 'owner',
    orgUnit: 'AF-HRP',
    locale: 'fr',
    as: 'HR policies: ePMDS, recruitment',
  },
  { name: 'Priya Nair', role: 'owner', orgUnit: 'AF-HRP', locale: 'en', as: 'Leadership culture, mobility' },
  {
    name: 'Sergei Petrov',
    role: 'owner',
    orgUnit: 'AF-HRA',
    locale: 'ru',
    as: 'HR administration: travel, HR dashboards',
  },
  { name: 'Wei Zhang', role: 'owner', orgUnit: 'AF-BFA', locale: 'zh', as: 'Budget and financial analysis' },
  {
    name: 'Fatima Al-Sayed',
    role: 'owner',
    orgUnit: 'AF-ACC',
    locale: 'ar',
    as: 'Accounts: financial transformation streams',
  },
  { name: 'Olumide Adeyemi', role: 'owner', orgUnit: 'AF-PRO', locale: 'en', as: 'Procurement' },
  {
    name: 'Hiroshi Tanaka',
    role: 'owner',
    orgUnit: 'IS-ASD',
    locale: 'en',
    as: 'ERP and CRM, application services',
  },
  {
    name: 'Camille Dubois',
    role: 'owner',
    orgUnit: 'SPM-EAC',
    locale: 'fr',
    as: 'Corporate communication, website lead',
  },
  {
    name: 'Rajesh Iyer',
    role: 'owner',
    orgUnit: 'SPM-CSD',
    locale: 'en',
    as: 'Corporate strategy: risk management',
  },
  { name: 'Ana Lucía Torres', role: 'owner', orgUnit: 'SPM-MCG', locale: 'es', as: 'Membership relations' },
  { name: 'Youssef El-Amrani', role: 'owner', orgUnit: 'CP-CS', locale: 'ar', as: 'Conference services' },
  { name: 'Elena Morozova', role: 'owner', orgUnit: 'CP-TRS', locale: 'ru', as: 'Translation sections' },
  {
    name: 'Samuel Boateng',
    role: 'owner',
    orgUnit: 'IS-ISD',
    locale: 'en',
    as: 'Infrastructure, remote participation',
  },
  {
    name: 'Mei Ling Chen',
    role: 'owner',
    orgUnit: 'IS-LAS',
    locale: 'zh',
    as: 'Library and archives: document search',
  },
  {
    name: 'Jonas Becker',
    role: 'owner',
    orgUnit: 'GS-IAU',
    locale: 'en',
    as: 'Internal audit: oversight unit',
  },
  { name: 'Lukas Novák', role: 'owner', orgUnit: 'TSB', locale: 'en', as: 'Inter-sectoral collaboration' },
  { name: 'Aïcha Diallo', role: 'owner', orgUnit: 'BR', locale: 'fr', as: 'Learning Labs' },
  {
    name: 'Gabriel Santos',
    role: 'owner',
    orgUnit: 'RO-AMS',
    locale: 'es',
    timeZone: 'America/Sao_Paulo',
    as: 'Regional events coordination',
  },

  // ChangeMakers (seed 001, section 6): volunteers from every part of the organisation.
  {
    name: 'Amina Yusuf',
    role: 'changemaker',
    orgUnit: 'BDT',
    locale: 'en',
    as: 'Lead, Data-Driven Decision Making',
  },
  {
    name: 'Chloé Martin',
    role: 'changemaker',
    orgUnit: 'SPM-EAC',
    locale: 'fr',
    as: 'Lead, AI in Communications',
  },
  {
    name: 'Valentina Rossi',
    role: 'changemaker',
    orgUnit: 'AF-HRA',
    locale: 'fr',
    as: 'Lead, Performance Management',
  },
  {
    name: 'Zeynep Kaya',
    role: 'changemaker',
    orgUnit: 'CP-CS',
    locale: 'en',
    as: 'Lead, events harmonisation',
  },
  {
    name: 'Olga Ivanova',
    role: 'changemaker',
    orgUnit: 'CP-TRS',
    locale: 'ru',
    as: 'Lead, document processing',
  },
  {
    name: 'Pierre Lefèvre',
    role: 'changemaker',
    orgUnit: 'IS-USD',
    locale: 'fr',
    as: 'Lead, digitalisation',
  },
  {
    name: 'Tendai Moyo',
    role: 'changemaker',
    orgUnit: 'RO-AFR',
    locale: 'en',
    timeZone: 'Africa/Addis_Ababa',
    as: 'Lead, functional mobility',
  },
  {
    name: 'Hana Kobayashi',
    role: 'changemaker',
    orgUnit: 'TSB',
    locale: 'en',
    as: 'Lead, inter-sectoral collaboration',
  },
  { name: 'Mateo Fernández', role: 'changemaker', orgUnit: 'BR', locale: 'es', as: 'Lead, Learning Labs' },
  {
    name: 'Juan Pablo Ríos',
    role: 'changemaker',
    orgUnit: 'RO-AMS',
    locale: 'es',
    timeZone: 'America/Sao_Paulo',
    as: 'Lead, regional events coordination',
  },
  { name: 'Arjun Mehta', role: 'changemaker', orgUnit: 'IS-ASD', locale: 'en', as: 'ChangeMaker' },
  { name: 'Zhou Min', role: 'changemaker', orgUnit: 'TSB', locale: 'zh', as: 'ChangeMaker' },
  {
    name: 'Karim Haddad',
    role: 'changemaker',
    orgUnit: 'RO-ARB',
    locale: 'ar',
    timeZone: 'Africa/Cairo',
    as: 'ChangeMaker',
  },
  {
    name: 'Nguyen Thi Lan',
    role: 'changemaker',
    orgUnit: 'RO-ASP',
    locale: 'en',
    timeZone: 'Asia/Bangkok',
    as: 'ChangeMaker',
  },
  {
    name: 'Aleksandr Sokolov',
    role: 'changemaker',
    orgUnit: 'RO-CIS',
    locale: 'ru',
    timeZone: 'Europe/Moscow',
    as: 'ChangeMaker',
  },
  { name: 'Mariam Saleh', role: 'changemaker', orgUnit: 'AF-ACC', locale: 'ar', as: 'ChangeMaker' },
  { name: 'Ebere Nwosu', role: 'changemaker', orgUnit: 'SPM-MCG', locale: 'en', as: 'ChangeMaker' },

  // Other staff: read the portfolio, raise concerns.
  { name: 'Fiona Walsh', role: 'viewer', orgUnit: 'AF-BLS', locale: 'en', as: 'Staff' },
  { name: 'Ahmed Mansour', role: 'viewer', orgUnit: 'AF-SES', locale: 'ar', as: 'Staff' },
  { name: 'Isabel García', role: 'viewer', orgUnit: 'CP-SMD', locale: 'es', as: 'Staff' },
  { name: 'Wang Fang', role: 'viewer', orgUnit: 'IS-MPS', locale: 'zh', as: 'Staff' },
  { name: 'Dmitri Orlov', role: 'viewer', orgUnit: 'GS-LAU', locale: 'ru', as: 'Staff' },
  { name: 'Yuki Sato', role: 'viewer', orgUnit: 'TEL', locale: 'en', as: 'Staff' },
];

/** The roster id of a demo person by name: `p-` and the e-mail local part with dashes. */
export function demoPersonId(name: string): string {
  return `p-${emailLocalPart(name).replace(/\./g, '-')}`;
}

/** Deterministic Entra object ids for the non-persona demo people (a range apart from the personas'). */
function demoAadObjectId(index: number): string {
  return `00000000-0000-4000-8001-${(index + 1).toString(16).padStart(12, '0')}`;
}

export const DEMO_ROSTER: readonly PersonSpec[] = [
  ...DEMO_PERSONA_LIST.map((p) => ({
    id: p.id,
    name: p.name,
    role: p.role,
    orgUnit: p.orgUnit,
    locale: p.locale,
    timeZone: p.timeZone,
    aadObjectId: p.aadObjectId,
    email: p.email,
  })),
  ...OTHERS.map((line, i) => ({
    id: demoPersonId(line.name),
    name: line.name,
    role: line.role,
    orgUnit: line.orgUnit,
    locale: line.locale,
    timeZone: line.timeZone ?? ZURICH,
    aadObjectId: demoAadObjectId(i),
  })),
];

export function buildDemoPeople(at: string): Person[] {
  return DEMO_ROSTER.map((spec) => buildPerson(spec, at));
}
