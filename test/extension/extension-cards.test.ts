// The result card builders on their own: bounded size whatever the input, plain text only.
import { describe, expect, it } from 'vitest';
import {
  attachmentBytes,
  plain,
  previewText,
  projectResult,
  RESULT_CARD_LIMIT_BYTES,
  riskResult,
} from '../../bot/cards/extension-cards.js';
import { projectCodeFromUrl } from '../../bot/cards/extension-links.js';
import { translator } from '../../bot/i18n/translate.js';

const huge = 'Ω'.repeat(100_000);

describe('extension cards', () => {
  it('stay under 28 KB with oversized text', () => {
    const project = projectResult(
      {
        code: 'TR-07',
        title: huge,
        pillarName: huge,
        phase: 'executing',
        ownerName: huge,
        openRisks: 3,
        url: 'https://hub.example.org/#/projects/TR-07',
      },
      translator('ru'),
      'ru',
    );
    const risk = riskResult(
      {
        title: huge,
        projectCode: 'TR-07',
        projectTitle: huge,
        score: 20,
        level: 'critical',
        status: 'escalated',
        ownerName: huge,
        url: 'https://hub.example.org/#/risks',
      },
      translator('ar'),
      'ar',
    );
    expect(attachmentBytes(project)).toBeLessThan(RESULT_CARD_LIMIT_BYTES);
    expect(attachmentBytes(risk)).toBeLessThan(RESULT_CARD_LIMIT_BYTES);
  });

  it('removes bidirectional overrides and controls, keeps letters', () => {
    expect(plain('\u202eabc\u202c\u0000 d\u2066e\u2069', 50)).toBe('abc de');
    expect(plain('مشروع الموقع', 50)).toBe('مشروع الموقع');
    expect(plain('x'.repeat(10), 5)).toBe('xxxx…');
  });

  it('escapes HTML in the preview', () => {
    expect(previewText('<b>a</b> & "b"', 100)).toBe('&lt;b&gt;a&lt;/b&gt; &amp; &quot;b&quot;');
  });

  it('reads project codes from the app’s own URLs only', () => {
    const target = { host: 'hub.example.org', teamsAppId: 'app-1' };
    expect(projectCodeFromUrl('https://hub.example.org/#/projects/TR-07', target)).toBe('TR-07');
    expect(projectCodeFromUrl('https://HUB.example.org/#/projects/tr-07/', target)).toBe('TR-07');
    expect(projectCodeFromUrl('https://hub.example.org:8443/#/projects/TR-07', target)).toBeUndefined();
    expect(projectCodeFromUrl('https://hub.example.org/#/projects/TR-07%2F..', target)).toBeUndefined();
    const deep = `https://teams.microsoft.com/l/entity/app-1/portfolio?context=${encodeURIComponent('{"subEntityId":"projects/AI-02"}')}`;
    expect(projectCodeFromUrl(deep, target)).toBe('AI-02');
    expect(projectCodeFromUrl(deep, { host: 'hub.example.org' })).toBeUndefined();
    expect(projectCodeFromUrl(deep.replace('context=', 'context=x'), target)).toBeUndefined();
  });
});
