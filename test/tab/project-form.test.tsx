// Editing a project: validation messages next to fields, conflicts with the current values, input
// kept on every failure, and read-only for people who may not edit.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProjectForm } from '../../tab/src/components/project-form.js';
import { fakeApi, meOf, PEOPLE, problem, project, renderInApp } from './helpers.js';

describe('ProjectForm', () => {
  it('sends only the changed fields with the version the edit started from', async () => {
    const updateProject = vi.fn((_id: string, patch: { title?: string }, version: number) =>
      Promise.resolve({ value: project({ ...patch, version: version + 1 }), version: version + 1 }),
    );
    const onSaved = vi.fn();
    renderInApp(<ProjectForm project={project()} version={3} onSaved={onSaved} />, {
      api: fakeApi({ updateProject }),
    });
    const title = screen.getByRole('textbox', { name: /Title/ });
    await userEvent.clear(title);
    await userEvent.type(title, 'AI for everyone');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(updateProject).toHaveBeenCalledWith('prj-ai-02', { title: 'AI for everyone' }, 3);
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ title: 'AI for everyone' }), 4);
  });

  it('says a saved change will sync when the server queued it (X-Sync-Status: queued)', async () => {
    const updateProject = vi.fn(() =>
      Promise.resolve({ value: project({ phase: 'on-hold', version: 4 }), version: 4, syncQueued: true }),
    );
    renderInApp(<ProjectForm project={project()} version={3} onSaved={vi.fn()} />, {
      api: fakeApi({ updateProject }),
    });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Phase' }), 'on-hold');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Saved. SharePoint is busy, so this change will sync shortly.',
    );
  });

  it('shows the server’s localised field messages next to their fields and keeps the input', async () => {
    const updateProject = vi.fn(() =>
      Promise.reject(
        problem(400, 'validation_failed', {
          detail: 'Certains champs doivent être corrigés.',
          errors: [
            { path: 'title', code: 'too_small', message: 'Doit comporter au moins 3 caractères.' },
            { path: 'budgetChf', code: 'too_small', message: 'Doit être au moins 0.' },
          ],
        }),
      ),
    );
    renderInApp(<ProjectForm project={project()} version={3} onSaved={vi.fn()} />, {
      api: fakeApi({ updateProject }),
      lang: 'fr',
    });
    const title = screen.getByRole('textbox', { name: /Titre/ });
    await userEvent.clear(title);
    await userEvent.type(title, 'AI');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const message = await screen.findByText('Doit comporter au moins 3 caractères.');
    // The message belongs to the title field (Fluent's Field wires aria-describedby / aria-invalid).
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title.getAttribute('aria-describedby') ?? '').toContain(message.id);
    expect(screen.getByText('Doit être au moins 0.')).toBeInTheDocument();
    expect(screen.getByText(/Votre saisie est conservée/)).toBeInTheDocument();
    expect(title).toHaveValue('AI');
  });

  it('on a stale version shows the current values next to mine, then saves mine over the current version', async () => {
    const current = project({ title: 'Renamed by the CTO', phase: 'on-hold', version: 4 });
    const updateProject = vi
      .fn()
      .mockRejectedValueOnce(problem(409, 'version_conflict', { current }))
      .mockResolvedValueOnce({ value: project({ title: 'Mine', phase: 'on-hold', version: 5 }), version: 5 });
    renderInApp(<ProjectForm project={project()} version={3} onSaved={vi.fn()} />, {
      api: fakeApi({ updateProject }),
    });
    const title = screen.getByRole('textbox', { name: /Title/ });
    await userEvent.clear(title);
    await userEvent.type(title, 'Mine');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const conflict = await screen.findByTestId('conflict');
    expect(within(conflict).getByRole('alert')).toHaveTextContent(
      'Someone changed this while you were editing',
    );
    const titleRow = conflict.querySelector('[data-field="title"]');
    expect(titleRow).toHaveTextContent('Mine');
    expect(titleRow).toHaveTextContent('Renamed by the CTO');
    expect(conflict.querySelector('[data-field="phase"]')).toHaveTextContent('On hold');
    expect(title).toHaveValue('Mine');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();

    await userEvent.click(within(conflict).getByRole('button', { name: 'Keep my values and save again' }));
    await screen.findByText('Saved.');
    // Only my change, against the version that is current now: the phase the CTO set stays.
    expect(updateProject).toHaveBeenLastCalledWith('prj-ai-02', { title: 'Mine' }, 4);
    expect(screen.getByRole('combobox', { name: 'Phase' })).toHaveValue('on-hold');
  });

  it('can take the current values instead', async () => {
    const current = project({ title: 'Renamed by the CTO', version: 4 });
    const updateProject = vi.fn().mockRejectedValueOnce(problem(412, 'version_conflict', { current }));
    renderInApp(<ProjectForm project={project()} version={3} onSaved={vi.fn()} />, {
      api: fakeApi({ updateProject }),
    });
    const title = screen.getByRole('textbox', { name: /Title/ });
    await userEvent.type(title, ' 2');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Discard mine and use current values' }));
    expect(title).toHaveValue('Renamed by the CTO');
    expect(screen.queryByTestId('conflict')).not.toBeInTheDocument();
  });

  it('keeps the input when the network fails', async () => {
    const updateProject = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    renderInApp(<ProjectForm project={project()} version={3} onSaved={vi.fn()} />, {
      api: fakeApi({ updateProject }),
    });
    const description = screen.getByRole('textbox', { name: 'Description' });
    await userEvent.type(description, ' More.');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('could not be reached'));
    expect(description).toHaveValue('Adopt AI across ITU. More.');
  });

  it.each([
    ['a viewer', PEOPLE.viewer, false],
    ['a ChangeMaker', PEOPLE.changemaker, false],
    ['the owner', PEOPLE.owner, true],
    ['the CTO', PEOPLE.cto, true],
  ])('%s: may edit %s', (_who, who, canEdit) => {
    renderInApp(<ProjectForm project={project()} version={3} onSaved={vi.fn()} />, { me: meOf(who) });
    expect(screen.queryByRole('button', { name: 'Save' }) !== null).toBe(canEdit);
    expect(screen.getByRole('textbox', { name: /Title/ }).hasAttribute('readonly')).toBe(!canEdit);
    expect(screen.queryByText(/You can view this/) !== null).toBe(!canEdit);
  });

  it('lets a lead edit', () => {
    renderInApp(
      <ProjectForm project={project({ leadIds: ['p-changemaker'] })} version={3} onSaved={vi.fn()} />,
      {
        me: meOf(PEOPLE.changemaker),
      },
    );
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });
});
