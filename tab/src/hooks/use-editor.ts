// What every editor and form of the tab does around its fields, in one place: the values the user
// typed (kept on every failure), the server's field messages by path, the generic failure, a stale
// version (409/412) read from the problem's `current`, the busy state, the notice after a save
// ("saved", or "saved, will sync" when the server queued the write: X-Sync-Status: queued), one
// idempotency key per attempt (a retry of a refused or failed attempt keeps it; a new one only after
// a success), and the keyboard: into the first field on open, back to the opener on close.
import { useLayoutEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/problem.js';
import { newKey } from '../ids.js';

/** A Fluent Field's validation props for one field (spread them on the Field). */
export interface FieldState {
  validationMessage: string | undefined;
  validationState: 'error' | 'none';
}

export interface EditorOptions<V, C> {
  initial: V | (() => V);
  /** Reads the stored entity a version conflict carries (problem.current); undefined: not one. */
  current?: (raw: unknown) => C | undefined;
  /** Take the keyboard to the form's first field on open, and back to the element that had it on close. */
  focus?: boolean;
  /** The notice to start with (a form that remounts after its own save keeps saying so). */
  notice?: string;
}

export interface Editor<V, C> {
  values: V;
  set: <K extends keyof V>(name: K, value: V[K]) => void;
  /** Changes the values (what the user did): the notice of the previous save goes. */
  update: (change: (values: V) => V) => void;
  /** Replaces the values and drops the conflict (the user took the current version). */
  reset: (values: V) => void;
  errors: Readonly<Record<string, string>>;
  failure: ApiError | undefined;
  conflict: C | undefined;
  busy: boolean;
  notice: string | undefined;
  /** Validation props for a field; `paths` are the server's issue paths that belong to it. */
  field: (name: (keyof V & string) | `${string}.${string}`, paths?: readonly string[]) => FieldState;
  /** The field messages whose path none of `placed` claims (shown with the generic message). */
  unplaced: (placed: readonly string[]) => string[];
  /**
   * Sends one attempt with the attempt's idempotency key. On success the key is renewed, the
   * conflict dropped and `done` runs (what it returns is the notice to show); on failure the values
   * stay, and the failure becomes a conflict, field messages or a generic error.
   */
  submit: <R>(send: (key: string) => Promise<R>, done?: (result: R) => string | void) => Promise<void>;
  /** The form (EditorShell attaches it): its first field takes the keyboard on open (with `focus`). */
  formRef: React.RefObject<HTMLFormElement | null>;
}

/** After an editor closes, the keyboard goes back to `opener` if it would otherwise be lost. */
export function returnFocus(opener: Element | null): void {
  setTimeout(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  }, 0);
}

export function useEditor<V, C = never>(options: EditorOptions<V, C>): Editor<V, C> {
  const [values, setValues] = useState<V>(options.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [conflict, setConflict] = useState<C | undefined>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(options.notice);
  const key = useRef<string>('');
  if (key.current === '') key.current = newKey();
  const formRef = useRef<HTMLFormElement | null>(null);
  const focus = options.focus === true;
  // A layout effect, not a passive one: the first field has the keyboard in the same commit that
  // puts the form on screen, so nothing (a test, a fast typist) sees the form without it.
  useLayoutEffect(() => {
    if (!focus) return undefined;
    const opener = document.activeElement;
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    return () => returnFocus(opener);
  }, [focus]);

  const update = (change: (v: V) => V) => {
    setValues(change);
    setNotice(undefined);
  };
  const messageOf = (paths: readonly string[]) => paths.map((p) => errors[p]).find((m) => m !== undefined);

  return {
    values,
    set: (name, value) => update((v) => ({ ...v, [name]: value })),
    update,
    reset: (next) => {
      setValues(next);
      setConflict(undefined);
    },
    errors,
    failure,
    conflict,
    busy,
    notice,
    field: (name, paths = [name]) => {
      const message = messageOf(paths);
      return { validationMessage: message, validationState: message ? 'error' : 'none' };
    },
    unplaced: (placed) =>
      Object.entries(errors)
        .filter(([path]) => !placed.includes(path))
        .map(([, message]) => message),
    submit: async (send, done) => {
      setBusy(true);
      setErrors({});
      setFailure(undefined);
      setNotice(undefined);
      try {
        const result = await send(key.current);
        key.current = newKey();
        setConflict(undefined);
        const said = done?.(result);
        if (typeof said === 'string') setNotice(said);
      } catch (e) {
        const err = asApiError(e, '');
        const current = err.isConflict && options.current ? options.current(err.problem.current) : undefined;
        if (current !== undefined) setConflict(current);
        else {
          setErrors(err.fieldErrors());
          setFailure(err);
        }
      } finally {
        setBusy(false);
      }
    },
    formRef,
  };
}
