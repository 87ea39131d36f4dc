// Text no store should keep: lone UTF-16 surrogates (half a character, from a "\ud800" escape) and
// Unicode noncharacters (U+FFFE, U+FFFF and the like, never meant for interchange). Checked on every
// JSON body, keys and values, before any route or handler runs.
import type { FieldIssue } from '../../domain/errors.js';

// A high surrogate not followed by a low one, a low one not preceded by a high one, or a noncharacter.
const BAD_TEXT =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

export function hasBadText(s: string): boolean {
  return BAD_TEXT.test(s);
}

const MAX_ISSUES = 20;

/** Field issues (code `invalid_characters`) for every string in a parsed JSON value that holds such text. */
export function badTextIssues(value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const visit = (v: unknown, path: string[], depth: number): void => {
    if (issues.length >= MAX_ISSUES || depth > 64) return;
    if (typeof v === 'string') {
      if (hasBadText(v)) issues.push(issue(path));
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, [...path, String(i)], depth + 1));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (hasBadText(k)) issues.push(issue(path));
        visit(item, [...path, k], depth + 1);
      }
    }
  };
  visit(value, [], 0);
  return issues;
}

function issue(path: string[]): FieldIssue {
  return {
    path: path.join('.'),
    code: 'invalid_characters',
    message: 'contains a lone surrogate or a Unicode noncharacter',
  };
}
