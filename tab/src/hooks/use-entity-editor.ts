// Editing one stored entity with optimistic concurrency (or defining a new one): the PATCH carries
// only the fields the user changed and the version they started from; a stale version shows the
// conflict with the current values, and the user either takes the current values ("use current")
// or sends their changes over the current version ("keep mine": another person's changes to fields
// they did not touch stay). A new entity is created with the attempt's idempotency key.
import { useState } from 'react';
import type { Versioned } from '../api/client.js';
import { diffRows, type ConflictRow } from '../components/conflict-panel.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { useEditor, type Editor, type FieldState } from './use-editor.js';

/** An entity and the version the next save is made against. */
export interface Stored<E> {
  entity: E;
  version: number;
}

export interface EntityEditorOptions<E extends { id: string; version: number }, V, P> {
  /** The entity to edit; none to define a new one (then `create` and `empty` are needed). */
  entity: E | undefined;
  /** The version to start from when the server's ETag says more than the entity (default: its own). */
  version?: number;
  empty?: V;
  valuesOf: (entity: E) => V;
  /** Only the fields the user changed from `base`. */
  patchOf: (base: V, values: V) => P;
  /** The entity a 409/412 problem carries as `current`, when it parses. */
  parse: (raw: unknown) => E | undefined;
  update: (against: Stored<E>, patch: P) => Promise<Versioned<E>>;
  create?: (values: V, key: string) => Promise<Versioned<E>>;
  /** The fields of the conflict table, in order, and how a value is shown (default: as typed). */
  fields: ReadonlyArray<{ name: keyof V & string; label: MessageKey }>;
  show?: (name: keyof V & string, values: V) => string;
  /** After a save: the stored entity; what it returns is the notice to show. */
  saved: (entity: E, result: { version: number; syncQueued: boolean }) => string | void;
  /** After "use current": the entity the form now starts from. */
  tookCurrent?: (current: Stored<E>) => void;
  focus?: boolean;
}

export interface ConflictProps {
  rows: ConflictRow[];
  onUseCurrent: () => void;
  onKeepMine: () => void;
}

export interface EntityEditor<E, V> extends Editor<V, E> {
  /** What the user's edits started from (undefined while defining a new one). */
  base: Stored<E> | undefined;
  /** Saves the user's changes over `base` (or creates). */
  save: () => void;
  /** The conflict table's rows and actions while there is a conflict. */
  conflictProps: ConflictProps | undefined;
  /** A field's label (from `fields`) and validation props. */
  labelled: (name: keyof V & string, paths?: readonly string[]) => FieldState & { label: string };
}

export function useEntityEditor<E extends { id: string; version: number }, V, P>(
  o: EntityEditorOptions<E, V, P>,
): EntityEditor<E, V> {
  const { t } = useI18n();
  const [base, setBase] = useState<Stored<E> | undefined>(() =>
    o.entity ? { entity: o.entity, version: o.version ?? o.entity.version } : undefined,
  );
  const editor = useEditor<V, E>({
    initial: () => (o.entity ? o.valuesOf(o.entity) : (o.empty as V)),
    current: (raw) => (base ? o.parse(raw) : undefined),
    focus: o.focus,
  });

  const saveOver = (against: Stored<E> | undefined, patch: P | undefined) =>
    editor.submit(
      (key) => (against && patch !== undefined ? o.update(against, patch) : o.create!(editor.values, key)),
      (res) => {
        const version = res.version ?? res.value.version;
        setBase({ entity: res.value, version });
        editor.reset(o.valuesOf(res.value));
        return o.saved(res.value, { version, syncQueued: res.syncQueued === true });
      },
    );
  const mine = (b: Stored<E>) => o.patchOf(o.valuesOf(b.entity), editor.values);
  const show = o.show ?? ((name: keyof V & string, v: V) => String(v[name]));
  const conflict = editor.conflict;

  return {
    ...editor,
    base,
    labelled: (name, paths) => {
      const known = o.fields.find((f) => f.name === name);
      return { label: known ? t(known.label) : name, ...editor.field(name, paths) };
    },
    save: () => void saveOver(base, base ? mine(base) : undefined),
    conflictProps:
      conflict && base
        ? {
            rows: diffRows(
              o.fields.map(({ name, label }) => ({ name, label: t(label) })),
              show,
              editor.values,
              o.valuesOf(conflict),
            ),
            onUseCurrent: () => {
              const current = { entity: conflict, version: conflict.version };
              setBase(current);
              editor.reset(o.valuesOf(conflict));
              o.tookCurrent?.(current);
            },
            onKeepMine: () => {
              // Only the fields I changed go over the current version.
              const patch = mine(base);
              const current = { entity: conflict, version: conflict.version };
              setBase(current);
              void saveOver(current, patch);
            },
          }
        : undefined,
  };
}
