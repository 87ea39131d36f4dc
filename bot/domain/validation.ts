// zod at the trust boundary: parse or throw a ValidationError with field-level issues.
import type { z } from 'zod';
import { ValidationError, type FieldIssue } from './errors.js';

function issueCode(issue: z.core.$ZodIssue): { code: string; params?: Record<string, string | number> } {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? { code: 'required' } : { code: 'invalid_type', params: { expected: issue.expected } };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { code: 'required' };
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
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error));
  return result.data;
}
