import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../bot/domain/locale.js';
import { PILLAR_CODES, PILLARS, PillarCode, pillarName } from '../../bot/domain/pillar.js';

describe('pillars', () => {
  it('five pillars with stable codes, in roadmap order', () => {
    expect(PILLARS.map((p) => [p.code, p.order])).toEqual([
      ['GOV', 1],
      ['SPT', 2],
      ['PAC', 3],
      ['RES', 4],
      ['MAP', 5],
    ]);
    expect([...PILLAR_CODES]).toEqual(PILLARS.map((p) => p.code));
  });

  it.each(PILLARS.flatMap((p) => SUPPORTED_LOCALES.map((l) => [p.code, l] as const)))(
    '%s has a name in %s',
    (code, locale) => {
      expect(pillarName(code, locale).trim().length).toBeGreaterThan(0);
    },
  );

  it.each([
    ['GOV', 'en', 'Governance'],
    ['SPT', 'en', 'Systems, processes and tools'],
    ['PAC', 'en', 'People and culture'],
    ['RES', 'en', 'Resource optimization'],
    ['MAP', 'en', 'Members and partners'],
  ] as const)('%s in %s is %s', (code, locale, name) => {
    expect(pillarName(code, locale)).toBe(name);
  });

  it.each(['gov', 'FIN', '', 'GOVERNANCE'])('PillarCode refuses %j', (code) => {
    expect(PillarCode.safeParse(code).success).toBe(false);
  });
});
