import { describe, expect, it } from 'vitest';
import { ORG_UNITS, OrgUnitCode, orgUnit } from '../../bot/domain/org-unit.js';

describe('org units', () => {
  it('codes are unique and every parent exists', () => {
    const codes = ORG_UNITS.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const u of ORG_UNITS) if (u.parent) expect(codes).toContain(u.parent);
  });

  it.each([
    ['BR', 'bureau'],
    ['TSB', 'bureau'],
    ['BDT', 'bureau'],
    ['GS-TO', 'gs-office'],
    ['IS', 'gs-department'],
    ['AF-HRA', 'gs-division'],
    ['RO-ASP', 'regional-office'],
  ])('%s is a %s', (code, kind) => {
    expect(orgUnit(code)?.kind).toBe(kind);
    expect(OrgUnitCode.safeParse(code).success).toBe(true);
  });

  it.each(['', 'br', 'NASA', 'GS-XX'])('%j is unknown', (code) => {
    expect(orgUnit(code)).toBeUndefined();
    expect(OrgUnitCode.safeParse(code).success).toBe(false);
  });
});
