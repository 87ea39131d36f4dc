import { describe, expect, it } from 'vitest';
import { format } from '../../bot/i18n/format.js';

const items = '{n, plural, =0 {no items} one {# item} two {two:#} few {few:#} many {many:#} other {# items}}';

describe('format', () => {
  it.each([
    ['en', 0, 'no items'],
    ['en', 1, '1 item'],
    ['en', 2, '2 items'],
    ['en', 1500, '1,500 items'],
    ['fr', 1, '1 item'],
    ['fr', 1500, '1\u202f500 items'],
    ['ru', 1, '1 item'],
    ['ru', 3, 'few:3'],
    ['ru', 5, 'many:5'],
    ['ru', 21, '21 item'],
    // Arabic digits follow the runtime's CLDR data (Latin digits by default since CLDR 42).
    ['ar', 2, `two:${new Intl.NumberFormat('ar').format(2)}`],
    ['ar', 3, `few:${new Intl.NumberFormat('ar').format(3)}`],
    ['ar', 11, `many:${new Intl.NumberFormat('ar').format(11)}`],
    ['zh', 1, '1 items'],
  ] as const)('%s plural of %d', (locale, n, expected) => {
    expect(format(locale, items, { n })).toBe(expected);
  });

  it('inserts arguments as plain text and numbers in the locale', () => {
    expect(format('en', 'Hello {name}, {count} new', { name: '{evil}', count: 12345 })).toBe(
      'Hello {evil}, 12,345 new',
    );
    expect(format('es', '{count}', { count: 12345.5 })).toBe('12.345,5');
  });

  it('leaves unknown or malformed placeholders visible instead of failing', () => {
    expect(format('en', 'Hi {missing}', {})).toBe('Hi {missing}');
    expect(format('en', 'Open {brace', {})).toBe('Open {brace');
    expect(format('en', '{n, select, a {x}}', { n: 'a' })).toBe('{n, select, a {x}}');
    expect(format('en', '{n, plural, one {#} other {#}}', { n: 'abc' })).toBe(
      '{n, plural, one {#} other {#}}',
    );
  });

  it('uses nested arguments inside plural branches', () => {
    expect(
      format('en', '{n, plural, one {# risk on {project}} other {# risks on {project}}}', {
        n: 2,
        project: 'TR-07',
      }),
    ).toBe('2 risks on {project}');
  });
});
