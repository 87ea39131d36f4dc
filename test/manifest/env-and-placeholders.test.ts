import { describe, expect, it } from 'vitest';
import { checkKnownVariables, parseEnvText } from '../../manifest/lib/env-file.js';
import { fillPlaceholders, placeholderNames } from '../../manifest/lib/placeholders.js';

describe('env files', () => {
  it('reads KEY=VALUE lines, skips comments and blank lines, strips matching quotes', () => {
    const { values, problems } = parseEnvText(
      ['# comment', '', 'A=1', 'B="two words"', "C='x=y'", 'D=', '  E = spaced  '].join('\n'),
      'env/.env.t',
    );
    expect(problems).toEqual([]);
    expect([...values]).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['C', 'x=y'],
      ['D', ''],
      ['E', 'spaced'],
    ]);
  });

  it('reports lines it cannot read with their number', () => {
    const { problems } = parseEnvText('OK=1\nnot a line\n9BAD=2\n', 'env/.env.t');
    expect(problems.map((p) => p.message)).toEqual([
      'line 2: expected KEY=VALUE, got "not a line"',
      expect.stringMatching(/^line 3: "9BAD" expected a variable name/),
    ]);
  });

  it('checks the shape of known variables but lets empty values through', () => {
    const values = new Map([
      ['TAB_DOMAIN', 'https://x.example.org'],
      ['TAB_ENDPOINT', 'https://x.example.org/'],
      ['BOT_ID', ''],
      ['SHAREPOINT_SITE_URL', 'http://contoso.sharepoint.com/sites/a'],
      ['UNKNOWN', 'anything'],
    ]);
    expect(checkKnownVariables(values, 'env/.env.t').map((p) => p.message)).toEqual([
      expect.stringMatching(/^TAB_DOMAIN: expected a host name/),
      expect.stringMatching(/^TAB_ENDPOINT: expected an https:\/\/ origin/),
      expect.stringMatching(/^SHAREPOINT_SITE_URL: expected an absolute https:\/\/ URL/),
    ]);
  });
});

describe('placeholders', () => {
  it('fills ${{VAR}} with JSON-escaped values and lists what was used', () => {
    const result = fillPlaceholders(
      '{"a":"${{A}}","b":"${{ B }}-${{A}}"}',
      new Map([
        ['A', 'say "hi"\\'],
        ['B', 'x'],
      ]),
      't.json',
      'env/.env.t',
    );
    expect(result.problems).toEqual([]);
    expect(JSON.parse(result.text)).toEqual({ a: 'say "hi"\\', b: 'x-say "hi"\\' });
    expect(result.used).toEqual(['A', 'B']);
  });

  it('names each unset or empty variable with its line', () => {
    const result = fillPlaceholders(
      '{\n"a": "${{MISSING}}",\n"b": "${{EMPTY}}"\n}',
      new Map([['EMPTY', ' ']]),
      't.json',
      'env/.env.t',
    );
    expect(result.problems.map((p) => p.message)).toEqual([
      'line 2: ${{MISSING}} is not set in env/.env.t',
      'line 3: ${{EMPTY}} is empty in env/.env.t (provision the environment first)',
    ]);
  });

  it('finds placeholder names in any text', () => {
    expect(placeholderNames('x ${{A}} y ${{B_1}} ${{A}} $${notone}')).toEqual(['A', 'B_1']);
  });
});
