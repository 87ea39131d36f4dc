// Organisational units that own projects: the three Bureaux, the General Secretariat's departments
// and divisions (seed 004) and the Regional Offices (seed 002). Codes are stable identifiers; names
// are the English working names used in the seeds.
import { z } from 'zod';

export const ORG_UNIT_KINDS = [
  'bureau',
  'gs-office',
  'gs-department',
  'gs-division',
  'regional-office',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export interface OrgUnit {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parent?: string;
}

export const ORG_UNITS: readonly OrgUnit[] = [
  { code: 'BR', name: 'Radiocommunication Bureau', kind: 'bureau' },
  { code: 'TSB', name: 'Telecommunication Standardization Bureau', kind: 'bureau' },
  { code: 'BDT', name: 'Telecommunication Development Bureau', kind: 'bureau' },
  { code: 'GS', name: 'General Secretariat', kind: 'gs-office' },
  { code: 'GS-TO', name: 'Transformation Office', kind: 'gs-office', parent: 'GS' },
  { code: 'GS-IAU', name: 'Internal Audit Unit', kind: 'gs-office', parent: 'GS' },
  { code: 'GS-LAU', name: 'Legal Affairs Unit', kind: 'gs-office', parent: 'GS' },
  { code: 'SPM', name: 'Strategic Planning and Membership Department', kind: 'gs-department', parent: 'GS' },
  { code: 'SPM-CSD', name: 'Corporate Strategy Division', kind: 'gs-division', parent: 'SPM' },
  {
    code: 'SPM-MCG',
    name: 'Membership and Corporate Governance Division',
    kind: 'gs-division',
    parent: 'SPM',
  },
  {
    code: 'SPM-EAC',
    name: 'External Affairs and Corporate Communication Division',
    kind: 'gs-division',
    parent: 'SPM',
  },
  { code: 'AF', name: 'Administration and Finance Department', kind: 'gs-department', parent: 'GS' },
  { code: 'AF-HRA', name: 'Human Resources Administration Division', kind: 'gs-division', parent: 'AF' },
  { code: 'AF-HRP', name: 'Human Resources Policies Division', kind: 'gs-division', parent: 'AF' },
  { code: 'AF-SES', name: 'Security and Emergency Services', kind: 'gs-division', parent: 'AF' },
  { code: 'AF-BFA', name: 'Budget and Financial Analysis Division', kind: 'gs-division', parent: 'AF' },
  { code: 'AF-ACC', name: 'Accounts Division', kind: 'gs-division', parent: 'AF' },
  { code: 'AF-PRO', name: 'Procurement Division', kind: 'gs-division', parent: 'AF' },
  { code: 'AF-BLS', name: 'Buildings and Logistics Services', kind: 'gs-division', parent: 'AF' },
  { code: 'CP', name: 'Conferences and Publications Department', kind: 'gs-department', parent: 'GS' },
  { code: 'CP-CS', name: 'Conference Services', kind: 'gs-division', parent: 'CP' },
  { code: 'CP-TRS', name: 'Translation Sections', kind: 'gs-division', parent: 'CP' },
  {
    code: 'CP-DPC',
    name: 'Documents and Publications Composition Services',
    kind: 'gs-division',
    parent: 'CP',
  },
  { code: 'CP-SMD', name: 'Sales and Marketing Division', kind: 'gs-division', parent: 'CP' },
  { code: 'IS', name: 'Information Services Department', kind: 'gs-department', parent: 'GS' },
  { code: 'IS-MPS', name: 'Management Planning and ICT Security Unit', kind: 'gs-division', parent: 'IS' },
  { code: 'IS-ASD', name: 'Application Services Division', kind: 'gs-division', parent: 'IS' },
  { code: 'IS-USD', name: 'User Services Division', kind: 'gs-division', parent: 'IS' },
  { code: 'IS-ISD', name: 'Infrastructure Services Division', kind: 'gs-division', parent: 'IS' },
  { code: 'IS-LAS', name: 'Library and Archives Service', kind: 'gs-division', parent: 'IS' },
  { code: 'TEL', name: 'ITU Telecom', kind: 'gs-department', parent: 'GS' },
  { code: 'RO-AFR', name: 'Regional Office for Africa', kind: 'regional-office', parent: 'BDT' },
  { code: 'RO-AMS', name: 'Regional Office for the Americas', kind: 'regional-office', parent: 'BDT' },
  { code: 'RO-ARB', name: 'Regional Office for the Arab States', kind: 'regional-office', parent: 'BDT' },
  {
    code: 'RO-ASP',
    name: 'Regional Office for Asia and the Pacific',
    kind: 'regional-office',
    parent: 'BDT',
  },
  { code: 'RO-CIS', name: 'Regional Office for the CIS region', kind: 'regional-office', parent: 'BDT' },
  { code: 'RO-EUR', name: 'Office for Europe', kind: 'regional-office', parent: 'BDT' },
];

const CODES = new Set(ORG_UNITS.map((u) => u.code));

export const OrgUnitCode = z.string().refine((c) => CODES.has(c), { error: 'unknown organisational unit' });
export type OrgUnitCode = z.infer<typeof OrgUnitCode>;

export function orgUnit(code: string): OrgUnit | undefined {
  return ORG_UNITS.find((u) => u.code === code);
}
