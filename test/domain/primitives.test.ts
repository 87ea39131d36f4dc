import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateInZone,
  daysBetween,
  Email,
  HttpsUrl,
  Id,
  IsoDate,
  IsoDateTime,
  line,
  text,
} from '../../bot/domain/primitives.js';

function messages(result: { success: boolean; error?: { issues: Array<{ message: string }> } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('text(): multi-line user text', () => {
  it.each([
    ['  hello  ', 'hello', 'trims'],
    ['\n\n  two\nlines \n', 'two\nlines', 'trims blank lines around'],
    ['a\r\nb', 'a\nb', 'CRLF becomes LF'],
    ['a\rb', 'a\nb', 'a lone CR becomes LF'],
    ['a\tb', 'a\tb', 'tabs are allowed'],
    ['مرحبا\u200F بالعالم', 'مرحبا\u200F بالعالم', 'Arabic with a right-to-left mark (not an override)'],
    ['数字化转型 🚀', '数字化转型 🚀', 'Chinese and emoji'],
    ['', '', 'empty is fine when there is no minimum'],
  ])('text(100) accepts %j as %j (%s)', (input, expected) => {
    expect(text(100).parse(input)).toBe(expected);
  });

  it.each([
    ['\u0000', 'NUL'],
    ['\u0007', 'BEL'],
    ['\u001B[31m', 'an ANSI escape'],
    ['\u000B', 'vertical tab'],
    ['\u000C', 'form feed'],
    ['\u007F', 'DEL'],
    ['\u0085', 'a C1 control (NEL)'],
    ['\u202E', 'RIGHT-TO-LEFT OVERRIDE'],
    ['\u202A', 'LEFT-TO-RIGHT EMBEDDING'],
    ['\u202D', 'LEFT-TO-RIGHT OVERRIDE'],
    ['\u2066', 'LEFT-TO-RIGHT ISOLATE'],
    ['\u2069', 'POP DIRECTIONAL ISOLATE'],
  ])('text(100) refuses %j inside text (%s)', (ch) => {
    const result = text(100).safeParse(`invoice${ch}txt.exe`);
    expect(result.success).toBe(false);
    expect(messages(result)).toContain('contains characters that are not allowed');
  });

  it.each([
    [text(5), 'abcdef', false, 'at most 5 characters'],
    [text(5), '  abcde  ', true, 'the limit applies after trimming'],
    [text(3), 'a\r\nb', true, 'CRLF counts as one character'],
    [text(10, 3), 'ab', false, 'at least 3 characters'],
    [text(10, 3), 'abc', true, ''],
    [text(10, 1), '   ', false, 'required'],
    [text(10, 1), 'x', true, ''],
  ])('bounds: %#', (schema, input, ok, message) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(ok);
    if (!ok) expect(messages(result)).toContain(message);
  });

  it.each([[42], [null], [undefined], [['a']]])('refuses the non-string %j', (input) => {
    expect(text(10).safeParse(input).success).toBe(false);
  });
});

describe('line(): single-line user text', () => {
  it.each([
    ['  Website redesign  ', 'Website redesign'],
    ['ERP & CRM upgrade', 'ERP & CRM upgrade'],
  ])('accepts %j as %j', (input, expected) => {
    expect(line(200).parse(input)).toBe(expected);
  });

  it.each([
    ['first\nsecond', 'must be a single line'],
    ['first\r\nsecond', 'must be a single line'],
    ['first\rsecond', 'must be a single line'],
    ['first\tsecond', 'must be a single line'],
    ['', 'required'],
    ['   ', 'required'],
    ['x'.repeat(201), 'at most 200 characters'],
    ['bad\u202Etxt', 'contains characters that are not allowed'],
  ])('refuses %j (%s)', (input, message) => {
    const result = line(200).safeParse(input);
    expect(result.success).toBe(false);
    expect(messages(result)).toContain(message);
  });

  it('a trailing newline is trimmed away, not refused', () => {
    expect(line(20).parse('Title\n')).toBe('Title');
  });

  it.each([
    [3, 'ab', false],
    [3, 'abc', true],
  ])('line(200, %i) on %j: %s', (min, input, ok) => {
    expect(line(200, min).safeParse(input).success).toBe(ok);
  });
});

describe('HttpsUrl: evidence links', () => {
  it.each([
    ['https://www.itu.int/en/Pages/default.aspx', true, 'https'],
    [
      'https://contoso.sharepoint.com/sites/TO/Shared%20Documents/kpi.xlsx?web=1',
      true,
      'SharePoint document',
    ],
    ['HTTPS://WWW.ITU.INT/', true, 'scheme is case-insensitive'],
    ['http://www.itu.int/', false, 'plain http'],
    ['javascript:alert(1)', false, 'javascript:'],
    ['JavaScript:alert(1)', false, 'javascript: in mixed case'],
    ['data:text/html,<script>alert(1)</script>', false, 'data:'],
    ['ftp://files.itu.int/report.pdf', false, 'ftp:'],
    ['file:///etc/passwd', false, 'file:'],
    ['www.itu.int', false, 'no scheme'],
    ['', false, 'empty'],
    [`https://www.itu.int/${'a'.repeat(2040)}`, false, 'longer than 2048 characters'],
  ])('%s: %s (%s)', (url, ok) => {
    expect(HttpsUrl.safeParse(url).success).toBe(ok);
  });
});

describe('IsoDate, IsoDateTime, Id, Email', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-12-31', true],
    ['2026-02-30', false],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-5', false],
    ['2026-01-05T00:00:00Z', false],
    ['05.01.2026', false],
  ])('IsoDate %s: %s', (value, ok) => {
    expect(IsoDate.safeParse(value).success).toBe(ok);
  });

  it.each([
    ['2026-11-23T09:00:00Z', true],
    ['2026-11-23T09:00:00.000Z', true],
    ['2026-11-23T10:00:00+01:00', true],
    ['2026-11-23 09:00', false],
    ['2026-11-23', false],
  ])('IsoDateTime %s: %s', (value, ok) => {
    expect(IsoDateTime.safeParse(value).success).toBe(ok);
  });

  it.each([
    ['p-1', true],
    ['TR-07', true],
    ['abc.DEF:1_2', true],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
    ['', false],
    ['-leading-dash', false],
    ['has space', false],
    ['a/b', false],
    ['../etc', false],
  ])('Id %j: %s', (value, ok) => {
    expect(Id.safeParse(value).success).toBe(ok);
  });

  it.each([
    ['amina.diallo@itu.int', true],
    ['not-an-email', false],
    ['a@b', false],
  ])('Email %s: %s', (value, ok) => {
    expect(Email.safeParse(value).success).toBe(ok);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-03-28', '2026-03-30', 2, 'across the spring clock change'],
    ['2026-10-24', '2026-10-26', 2, 'across the autumn clock change'],
    ['2026-12-31', '2027-01-01', 1, 'across a year end'],
    ['2024-02-28', '2024-03-01', 2, 'through a leap day'],
    ['2025-02-28', '2025-03-01', 1, 'no leap day in 2025'],
    ['2026-03-01', '2026-02-28', -1, 'backwards is negative'],
    ['2026-11-23', '2026-11-23', 0, 'same day'],
    ['2026-01-01', '2027-01-01', 365, 'a year'],
  ])('daysBetween(%s, %s) = %i (%s)', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-11-23', 6, '2026-11-29'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    ['2026-11-29T23:30:00Z', 'Europe/Zurich', '2026-11-30'],
    ['2026-11-29T23:30:00Z', 'UTC', '2026-11-29'],
    ['2026-11-29T23:30:00Z', 'America/Los_Angeles', '2026-11-29'],
    ['2026-11-29T10:00:00Z', 'Pacific/Kiritimati', '2026-11-30'],
    ['2026-11-29T10:00:00Z', 'Pacific/Pago_Pago', '2026-11-28'],
    ['2026-12-31T23:30:00Z', 'Europe/Zurich', '2027-01-01'],
    ['2026-06-30T18:20:00Z', 'Asia/Kathmandu', '2026-07-01'],
  ])('dateInZone(%s, %s) = %s', (instant, zone, expected) => {
    expect(dateInZone(new Date(instant), zone)).toBe(expected);
  });
});
