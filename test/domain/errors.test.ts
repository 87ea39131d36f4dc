import { describe, expect, it } from 'vitest';
import {
  AppError,
  ConflictError,
  DuplicateError,
  ForbiddenError,
  isAppError,
  NotFoundError,
  ThrottledError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
  type ErrorCode,
} from '../../bot/domain/errors.js';

describe('the typed error hierarchy', () => {
  const cause = new Error('socket hang up');
  it.each<[string, AppError, ErrorCode, string]>([
    [
      'ValidationError',
      new ValidationError([{ path: 'title', code: 'required', message: 'required' }]),
      'validation_failed',
      'invalid input: title: required',
    ],
    [
      'ValidationError on the whole body',
      new ValidationError([{ path: '', code: 'invalid_type', message: 'expected an object' }]),
      'validation_failed',
      'invalid input: (body): expected an object',
    ],
    ['NotFoundError', new NotFoundError('project', 'TR-99'), 'not_found', 'project TR-99 not found'],
    [
      'ConflictError',
      new ConflictError('risk', 'r-1', 3, { version: 4 }),
      'version_conflict',
      'risk r-1 changed: expected version 3',
    ],
    ['DuplicateError', new DuplicateError('project', 'TR-07'), 'duplicate', 'project TR-07 already exists'],
    ['ForbiddenError', new ForbiddenError('not_project_owner'), 'forbidden', 'forbidden: not_project_owner'],
    [
      'UnauthenticatedError',
      new UnauthenticatedError('token expired'),
      'unauthenticated',
      'unauthenticated: token expired',
    ],
    ['ThrottledError', new ThrottledError(30), 'throttled', 'throttled'],
    [
      'UnavailableError',
      new UnavailableError('SharePoint', { cause }),
      'unavailable',
      'SharePoint unavailable',
    ],
  ])('%s has the code %s', (_label, error, code, message) => {
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(Error);
    expect(isAppError(error)).toBe(true);
  });

  it('errors carry what the surfaces need', () => {
    expect(new ForbiddenError('inactive_person').reason).toBe('inactive_person');
    expect(new ConflictError('risk', 'r-1', 3, { version: 4 }).current).toEqual({ version: 4 });
    expect(new ThrottledError(30).retryAfterSeconds).toBe(30);
    expect(new UnavailableError('SharePoint', { cause }).cause).toBe(cause);
    expect(new ValidationError([{ path: 'a', code: 'required', message: 'm' }]).issues).toHaveLength(1);
  });

  it.each([[new Error('plain')], ['a string'], [{ code: 'not_found' }], [null], [undefined]])(
    'isAppError(%j) is false',
    (value) => {
      expect(isAppError(value)).toBe(false);
    },
  );
});
