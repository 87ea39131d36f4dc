// Fills `${{VAR}}` placeholders (the Agents Toolkit convention) in template text. Values are
// JSON-string-escaped, because every template is JSON. An unknown or empty variable is a problem
// naming the variable, the file and the line; a template may never pull in a SECRET_ variable.
import { problem, type Problem } from './problems.js';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface FillResult {
  text: string;
  problems: Problem[];
  /** Variables the template used, in order of first use. */
  used: string[];
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function fillPlaceholders(
  template: string,
  values: ReadonlyMap<string, string>,
  file: string,
  envFile: string,
): FillResult {
  const problems: Problem[] = [];
  const used: string[] = [];
  const text = template.replace(PLACEHOLDER, (match, name: string, offset: number) => {
    if (!used.includes(name)) used.push(name);
    const where = `line ${lineOf(template, offset)}`;
    if (name.startsWith('SECRET_')) {
      problems.push(
        problem(
          'placeholder',
          file,
          `${where}: \${{${name}}} is a secret; secrets never go into the app package`,
        ),
      );
      return match;
    }
    const value = values.get(name);
    if (value === undefined) {
      problems.push(problem('placeholder', file, `${where}: \${{${name}}} is not set in ${envFile}`));
      return match;
    }
    if (value.trim() === '') {
      problems.push(
        problem(
          'placeholder',
          file,
          `${where}: \${{${name}}} is empty in ${envFile} (provision the environment first)`,
        ),
      );
      return match;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, problems, used };
}

/** Names of the placeholders in a text, for static checks of other files (m365agents.yml). */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].filter((n) => n !== '');
}
