import { describe, expect, it } from 'vitest';
import { localiseIssue } from '../../bot/api/problem.js';
import { SUPPORTED_LOCALES as LOCALES } from '../../bot/domain/locale.js';

describe('localiseIssue', () => {
  it('fills the allowed values of invalid_value in every language', () => {
    for (const locale of LOCALES) {
      const { message } = localiseIssue(locale, {
        path: 'level',
        code: 'invalid_value',
        message: 'x',
        params: { allowed: 'low, high' },
      });
      expect(message).toContain('low, high');
      expect(message).not.toMatch(/\{\w+\}/);
    }
  });

  it('falls back to the generic message when the issue does not fill the template', () => {
    for (const locale of LOCALES) {
      const { message } = localiseIssue(locale, { path: 'name', code: 'invalid_value', message: 'x' });
      expect(message).not.toMatch(/\{\w+\}/);
      expect(message).toBe(localiseIssue(locale, { path: 'name', code: 'nonsense', message: 'x' }).message);
    }
  });
});
