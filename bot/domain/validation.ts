// zod at the trust boundary: parse or throw a ValidationError with field-level issues.
import type { z } from 'zod';
import { ValidationError, type FieldIssue } from './errors.js';

/**
 * Was the field left out (or null)? Parsing with `reportInput` (as parseInput does) tells exactly;
 * otherwise zod's own message for a missing value says "received undefined".
 */
function isMissing(issue: z.core.$ZodIssue): boolean {
  if ('input' in issue) return issue.input == null;
  return /received (undefined|null)$/.test(issue.message);
}

function issueCode(issue: z.core.$ZodIssue): { code: string; params?: Record<string, string | number> } {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue)
        ? { code: 'required' }
        : { code: 'invalid_type', params: { expected: issue.expected } };
    case 'too_small':
      // An empty required string (blank once trimmed) is missing, whatever its minimum length.
      if (
        issue.origin === 'string' &&
        (Number(issue.minimum) <= 1 || ('input' in issue && issue.input === ''))
      )
        return { code: 'required' };
      return { code: 'too_small', params: { minimum: Number(issue.minimum), origin: issue.origin } };
    case 'too_big':
      return { code: 'too_big', params: { maximum: Number(issue.maximum), origin: issue.origin } };
    case 'invalid_value':
      return { code: 'invalid_value', params: { allowed: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: issue.format } };
    case 'unrecognized_keys':
      return { code: 'unrecognized_keys', params: { keys: issue.keys.join(', ') } };
    default:
      return { code: issue.code === 'custom' && issue.message === 'required' ? 'required' : issue.code };
  }
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const { code, params } = issueCode(issue);
    return {
      path: issue.path.map(String).join('.'),
      code,
      message: issue.message,
      ...(params ? { params } : {}),
    };
  });
}

/** Parses untrusted input or throws ValidationError naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new ValidationError(toFieldIssues(result.error));
  return result.data;
}
