// The shared editor (hooks/use-editor, hooks/use-entity-editor, components/editor-shell) on its own:
// a stale version's conflict with keep-mine and use-current, field messages beside the fields with
// the input kept, the keyboard into the editor and back to its opener, one idempotency key per
// attempt, the busy state and the "saved, will sync" notice.
import { Field, Input } from '@fluentui/react-components';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Versioned } from '../../tab/src/api/client.js';
import { EditorShell, useSavedNotice } from '../../tab/src/components/editor-shell.js';
import { useEditor } from '../../tab/src/hooks/use-editor.js';
import { useEntityEditor, type Stored } from '../../tab/src/hooks/use-entity-editor.js';
import { problem, renderInApp } from './helpers.js';

interface Thing {
  id: string;
  title: string;
  note: string;
  version: number;
}
type Values = Pick<Thing, 'title' | 'note'>;
const thing = (o: Partial<Thing> = {}): Thing => ({ id: 't-1', title: 'Alpha', note: 'n', version: 2, ...o });
const valuesOf = (t: Thing): Values => ({ title: t.title, note: t.note });
const patchOf = (b: Values, v: Values): Partial<Values> => ({
  ...(v.title !== b.title ? { title: v.title } : {}),
  ...(v.note !== b.note ? { note: v.note } : {}),
});
const isThing = (raw: unknown): raw is Thing =>
  typeof raw === 'object' && raw !== null && 'id' in raw && 'version' in raw;

type Update = (against: Stored<Thing>, patch: Partial<Values>) => Promise<Versioned<Thing>>;

function ThingEditor({
  entity,
  update,
  onSaved = () => undefined,
  onCancel,
}: {
  entity?: Thing;
  update?: Update;
  onSaved?: (t: Thing) => void;
  onCancel?: () => void;
}) {
  const savedNotice = useSavedNotice();
  const editor = useEntityEditor({
    entity,
    empty: { title: '', note: '' },
    valuesOf,
    patchOf,
    parse: (raw) => (isThing(raw) ? raw : undefined),
    update: update ?? (() => Promise.reject(new Error('no update'))),
    fields: [
      { name: 'title', label: 'field.title' },
      { name: 'note', label: 'field.description' },
    ],
    saved: (t, { syncQueued }) => {
      onSaved(t);
      return savedNotice(syncQueued);
    },
    focus: true,
  });
  return (
    <EditorShell
      editor={editor}
      onSubmit={editor.save}
      label="Thing"
      conflict={editor.conflictProps}
      moreErrors={editor.unplaced(['title', 'note'])}
      submitLabel="Save thing"
      onCancel={onCancel}
    >
      <Field {...editor.labelled('title')}>
        <Input
          value={editor.values.title}
          onChange={(_, d) => editor.set('title', d.value)}
        />
      </Field>
      <Field {...editor.labelled('note')}>
        <Input value={editor.values.note} onChange={(_, d) => editor.set('note', d.value)} />
      </Field>
    </EditorShell>
  );
}

/** A form of one field on useEditor alone; its notice after a success is `done` and what was sent. */
function NameForm({
  send,
  done,
  submitLabel,
}: {
  send: (v: { name: string }, key: string) => Promise<string>;
  done: string;
  submitLabel: string;
}) {
  const editor = useEditor({ initial: { name: '' } });
  return (
    <EditorShell
      editor={editor}
      onSubmit={() =>
        void editor.submit(
          (key) => send(editor.values, key),
          (r) => `${done} ${r}`,
        )
      }
      label="Form"
      submitLabel={submitLabel}
      quiet
    >
      <Field label="Name" {...editor.field('name')}>
        <Input value={editor.values.name} onChange={(_, d) => editor.set('name', d.value)} />
      </Field>
    </EditorShell>
  );
}

const stale = (current: Thing) => problem(412, 'precondition_failed', { current });
const title = () => screen.getByRole('textbox', { name: 'Title' });
const save = () => userEvent.click(screen.getByRole('button', { name: 'Save thing' }));

describe('shared editor: a stale version', () => {
  it('shows my values next to the current ones; keeping mine sends only my change over the current version', async () => {
    const current = thing({ note: 'changed by someone else', version: 5 });
    const update = vi
      .fn<Update>()
      .mockRejectedValueOnce(stale(current))
      .mockResolvedValueOnce({ value: { ...current, title: 'Beta', version: 6 }, version: 6 });
    renderInApp(<ThingEditor entity={thing()} update={update} />);
    await userEvent.clear(title());
    await userEvent.type(title(), 'Beta');
    await save();

    const table = await screen.findByRole('table', { name: 'Someone changed this while you were editing' });
    expect(table.querySelector('[data-field="title"]')?.textContent).toBe('TitleBetaAlpha');
    expect(table.querySelector('[data-field="note"]')?.textContent).toBe(
      'Descriptionnchanged by someone else',
    );
    expect(screen.getByRole('button', { name: 'Save thing' })).toBeDisabled();
    expect(title()).toHaveValue('Beta');

    await userEvent.click(screen.getByRole('button', { name: 'Keep my values and save again' }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(2));
    expect(update.mock.calls[1]?.[0]).toEqual({ entity: current, version: 5 });
    expect(update.mock.calls[1]?.[1]).toEqual({ title: 'Beta' });
    await screen.findByText('Saved.');
    expect(screen.queryByTestId('conflict')).toBeNull();
  });

  it('"use current" takes the current values into the form and saves against their version next', async () => {
    const current = thing({ title: 'Gamma', version: 7 });
    const update = vi
      .fn<Update>()
      .mockRejectedValueOnce(stale(current))
      .mockResolvedValueOnce({ value: current, version: 8 });
    renderInApp(<ThingEditor entity={thing()} update={update} />);
    await userEvent.type(title(), '!');
    await save();
    await userEvent.click(await screen.findByRole('button', { name: 'Discard mine and use current values' }));
    expect(title()).toHaveValue('Gamma');
    expect(screen.queryByTestId('conflict')).toBeNull();
    await userEvent.type(title(), '2');
    await save();
    await waitFor(() => expect(update).toHaveBeenCalledTimes(2));
    expect(update.mock.calls[1]?.[0].version).toBe(7);
    expect(update.mock.calls[1]?.[1]).toEqual({ title: 'Gamma2' });
  });

  it('a conflict without a readable current version is an error, not a table', async () => {
    const update = vi.fn<Update>().mockRejectedValue(problem(412, 'precondition_failed', { current: 'x' }));
    renderInApp(<ThingEditor entity={thing()} update={update} />);
    await save();
    expect(await screen.findByText('detail of precondition_failed')).toBeInTheDocument();
    expect(screen.queryByTestId('conflict')).toBeNull();
  });
});

describe('shared editor: refused values', () => {
  it('shows each message beside its field, the others with the generic one, and keeps the input', async () => {
    const update = vi.fn<Update>().mockRejectedValue(
      problem(400, 'validation_failed', {
        errors: [
          { path: 'title', code: 'too_small', message: 'Le titre est trop court.' },
          { path: 'scope', code: 'custom', message: 'Hors du périmètre.' },
        ],
      }),
    );
    renderInApp(<ThingEditor entity={thing()} update={update} />);
    await userEvent.clear(title());
    await userEvent.type(title(), 'B');
    await save();
    await waitFor(() => expect(title()).toHaveAccessibleDescription('Le titre est trop court.'));
    expect(title()).toHaveValue('B');
    expect(
      screen.getByText('Some fields need your attention. Your input is kept. Hors du périmètre.'),
    ).toBeInTheDocument();
  });

  it('a failure without field messages shows the error and keeps the input', async () => {
    const update = vi.fn<Update>().mockRejectedValue(new TypeError('offline'));
    renderInApp(<ThingEditor entity={thing()} update={update} />);
    await userEvent.type(title(), 'x');
    await save();
    expect(await screen.findByText(/server could not be reached/)).toBeInTheDocument();
    expect(title()).toHaveValue('Alphax');
  });
});

describe('shared editor: one idempotency key per attempt', () => {
  it('keeps the key for the retry of a refused or failed attempt and takes a new one after a success', async () => {
    const create = vi
      .fn<(name: string, key: string) => Promise<string>>()
      .mockRejectedValueOnce(
        problem(400, 'validation_failed', { errors: [{ path: 'name', code: 'x', message: 'm' }] }),
      )
      .mockRejectedValueOnce(new TypeError('offline'))
      .mockImplementation((name) => Promise.resolve(name));
    // A form that stays open after each creation (as "add a person" does).
    renderInApp(<NameForm send={(v, key) => create(v.name, key)} done="created" submitLabel="Create" />);
    const name = screen.getByRole('textbox', { name: 'Name' });
    const submit = () => userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await userEvent.type(name, 'A');
    await submit();
    await waitFor(() => expect(name).toHaveAccessibleDescription('m'));
    await userEvent.type(name, 'B');
    await submit();
    await screen.findByText(/server could not be reached/);
    await submit();
    await screen.findByText('created AB');
    await userEvent.type(name, 'C');
    await submit();
    await screen.findByText('created ABC');
    const keys = create.mock.calls.map((c) => c[1]);
    expect(keys[0]).toMatch(/\S{8,}/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
    expect(keys[3]).not.toBe(keys[0]);
  });
});

describe('shared editor: busy, notice and keyboard', () => {
  it('says it is saving while the write runs, then that a queued write will sync', async () => {
    let finish: (v: Versioned<Thing>) => void = () => undefined;
    const update = vi.fn<Update>(() => new Promise((resolve) => (finish = resolve)));
    renderInApp(<ThingEditor entity={thing()} update={update} />);
    await userEvent.type(title(), '2');
    await save();
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    act(() => finish({ value: thing({ title: 'Alpha2', version: 3 }), version: 3, syncQueued: true }));
    expect(
      await screen.findByText('Saved. SharePoint is busy, so this change will sync shortly.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save thing' })).toBeEnabled();
    // The next edit is of the stored version, and the notice of the last save goes.
    await userEvent.type(title(), '3');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('takes the keyboard to the first field on open and back to the button that opened it on close', async () => {
    function Page() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Edit thing
          </button>
          {open ? <ThingEditor entity={thing()} onCancel={() => setOpen(false)} /> : null}
        </>
      );
    }
    renderInApp(<Page />);
    await userEvent.click(screen.getByRole('button', { name: 'Edit thing' }));
    await waitFor(() => expect(title()).toHaveFocus());
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit thing' })).toHaveFocus());
  });

  it('leaves the keyboard where it is when it already went somewhere else', async () => {
    function Page() {
      const [open, setOpen] = useState(true);
      return (
        <>
          <button type="button" onClick={() => setOpen(false)}>
            Elsewhere
          </button>
          {open ? <ThingEditor entity={thing()} /> : null}
        </>
      );
    }
    renderInApp(<Page />);
    await waitFor(() => expect(title()).toHaveFocus());
    await userEvent.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
  });
});

describe('shared editor: a form without an entity', () => {
  it('useEditor alone: submit maps the values, the notice is what the success says', async () => {
    const send = vi.fn((v: { name: string }) => Promise.resolve(v.name.toUpperCase()));
    renderInApp(<NameForm send={send} done="done" submitLabel="Go" />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'ada');
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(await screen.findByRole('status')).toHaveTextContent('done ADA');
    expect(send.mock.calls[0]?.[0]).toEqual({ name: 'ada' });
  });
});
