// Editing a milestone on the project page: only people who may manage the project's milestones get
// the Edit button; saving sends only the changed fields with the version read; a stale edit shows the
// conflict with the current values and keeps my input; a refused value shows the server's message
// next to its field; a queued write says it will sync.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Milestone } from '../../bot/domain/milestone.js';
import type { Endpoints } from '../../tab/src/api/endpoints.js';
import { MilestoneEditor } from '../../tab/src/components/milestone-editor.js';
import { MilestonesPanel } from '../../tab/src/components/milestones-panel.js';
import { fakeApi, meOf, PEOPLE, problem, project, renderInApp } from './helpers.js';

const AT = '2026-11-20T10:00:00.000Z';
function milestone(overrides: Partial<Milestone> = {}): Milestone {
  return {
    id: 'ms-1',
    projectId: 'prj-ai-02',
    title: 'Pilot Copilot in BDT',
    dueDate: '2026-12-15',
    status: 'planned',
    completedOn: null,
    version: 2,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

describe('MilestonesPanel: edit controls follow the permission', () => {
  it.each([
    ['the project owner', 1, PEOPLE.owner],
    ['the CTO', 1, PEOPLE.cto],
    ['a ChangeMaker', 0, PEOPLE.changemaker],
    ['a viewer', 0, PEOPLE.viewer],
  ])('%s gets %i Edit and Add buttons', async (_who, count, who) => {
    const milestones = vi.fn<Endpoints['milestones']>().mockResolvedValue([milestone()]);
    renderInApp(<MilestonesPanel project={project()} />, { me: meOf(who), api: fakeApi({ milestones }) });
    expect(await screen.findByText('Pilot Copilot in BDT')).toBeInTheDocument();
    expect(screen.queryAllByRole('button', { name: /^Edit the milestone/ })).toHaveLength(count);
    expect(screen.queryAllByRole('button', { name: 'Add milestone' })).toHaveLength(count);
  });

  it('the owner renames a milestone: the editor opens, saves, the list reloads and a queued write says it will sync', async () => {
    const renamed = milestone({ title: 'Pilot Copilot in BDT and TSB', version: 3 });
    const milestones = vi
      .fn<Endpoints['milestones']>()
      .mockResolvedValueOnce([milestone()])
      .mockResolvedValue([renamed]);
    const updateMilestone = vi
      .fn<Endpoints['updateMilestone']>()
      .mockResolvedValue({ value: renamed, version: 3, syncQueued: true });
    renderInApp(<MilestonesPanel project={project()} />, {
      me: meOf(PEOPLE.owner),
      api: fakeApi({ milestones, updateMilestone }),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit the milestone “Pilot Copilot in BDT”' }),
    );
    const editor = screen.getByTestId('milestone-editor');
    const title = within(editor).getByRole('textbox', { name: /Title/ });
    // The keyboard is taken to the editor's first field.
    expect(title).toHaveFocus();
    await userEvent.type(title, ' and TSB');
    await userEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    expect(updateMilestone).toHaveBeenCalledWith('ms-1', { title: 'Pilot Copilot in BDT and TSB' }, 2);
    expect(await screen.findByText('Pilot Copilot in BDT and TSB')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Saved. SharePoint is busy');
    expect(screen.queryByTestId('milestone-editor')).not.toBeInTheDocument();
  });
});

describe('MilestonesPanel: keyboard', () => {
  it('cancelling the editor takes the keyboard back to the Edit button that opened it', async () => {
    const milestones = vi.fn<Endpoints['milestones']>().mockResolvedValue([milestone()]);
    renderInApp(<MilestonesPanel project={project()} />, {
      me: meOf(PEOPLE.owner),
      api: fakeApi({ milestones }),
    });
    const edit = await screen.findByRole('button', { name: 'Edit the milestone “Pilot Copilot in BDT”' });
    edit.focus();
    await userEvent.keyboard('{Enter}');
    const editor = screen.getByTestId('milestone-editor');
    expect(within(editor).getByRole('textbox', { name: /Title/ })).toHaveFocus();
    await userEvent.click(within(editor).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('milestone-editor')).not.toBeInTheDocument();
    await waitFor(() => expect(edit).toHaveFocus());
  });
});

describe('MilestoneEditor', () => {
  it('offers every status of the domain and sends only what changed with the version read', async () => {
    const saved = milestone({ status: 'missed', dueDate: '2027-01-31', version: 3 });
    const updateMilestone = vi
      .fn<Endpoints['updateMilestone']>()
      .mockResolvedValue({ value: saved, version: 3 });
    const onSaved = vi.fn();
    renderInApp(<MilestoneEditor milestone={milestone()} onSaved={onSaved} onCancel={vi.fn()} />, {
      api: fakeApi({ updateMilestone }),
    });
    const status = screen.getByRole('combobox', { name: 'Status' });
    expect(
      within(status)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Planned', 'Done', 'Missed']);
    await userEvent.selectOptions(status, 'missed');
    const due = screen.getByLabelText(/Due date/);
    await userEvent.clear(due);
    await userEvent.type(due, '2027-01-31');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(updateMilestone).toHaveBeenCalledWith('ms-1', { dueDate: '2027-01-31', status: 'missed' }, 2);
    expect(onSaved).toHaveBeenCalledWith(saved, false);
  });

  it('shows a stale edit as a conflict with the current values, keeps my input and, keeping mine, saves over the current version', async () => {
    // Meanwhile someone marked it done (version 3).
    const current = milestone({ status: 'done', completedOn: '2026-11-25', version: 3 });
    const saved = { ...current, title: 'Pilot in BDT', version: 4 };
    const updateMilestone = vi
      .fn<Endpoints['updateMilestone']>()
      .mockRejectedValueOnce(problem(412, 'version_conflict', { current }))
      .mockResolvedValueOnce({ value: saved, version: 4 });
    const onSaved = vi.fn();
    renderInApp(<MilestoneEditor milestone={milestone()} onSaved={onSaved} onCancel={vi.fn()} />, {
      api: fakeApi({ updateMilestone }),
    });
    const title = screen.getByRole('textbox', { name: /Title/ });
    await userEvent.clear(title);
    await userEvent.type(title, 'Pilot in BDT');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(updateMilestone).toHaveBeenCalledWith('ms-1', { title: 'Pilot in BDT' }, 2);

    const conflict = await screen.findByTestId('conflict');
    const row = (field: string) => conflict.querySelector(`[data-field="${field}"]`);
    expect(row('title')?.textContent).toContain('Pilot in BDT');
    expect(row('title')?.textContent).toContain('Pilot Copilot in BDT');
    expect(row('status')?.textContent).toContain('Planned');
    expect(row('status')?.textContent).toContain('Done');
    expect(title).toHaveValue('Pilot in BDT');
    expect(onSaved).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Keep my values and save again' }));
    expect(updateMilestone).toHaveBeenLastCalledWith('ms-1', { title: 'Pilot in BDT' }, 3);
    expect(onSaved).toHaveBeenCalledWith(saved, false);
  });

  it('a 409 "use current" takes the current values into the form', async () => {
    const current = milestone({ title: 'Pilot renamed by someone else', version: 3 });
    const updateMilestone = vi
      .fn<Endpoints['updateMilestone']>()
      .mockRejectedValueOnce(problem(409, 'version_conflict', { current }));
    renderInApp(<MilestoneEditor milestone={milestone()} onSaved={vi.fn()} onCancel={vi.fn()} />, {
      api: fakeApi({ updateMilestone }),
    });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'missed');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByTestId('conflict');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('missed');
    await userEvent.click(screen.getByRole('button', { name: 'Discard mine and use current values' }));
    expect(screen.queryByTestId('conflict')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Title/ })).toHaveValue('Pilot renamed by someone else');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('planned');
  });

  it('shows a refused value next to its field in the user’s language and keeps the input', async () => {
    const updateMilestone = vi.fn<Endpoints['updateMilestone']>().mockRejectedValue(
      problem(400, 'validation_failed', {
        errors: [{ path: 'title', code: 'too_small', message: 'Au moins 3 caractères.' }],
      }),
    );
    renderInApp(<MilestoneEditor milestone={milestone()} onSaved={vi.fn()} onCancel={vi.fn()} />, {
      api: fakeApi({ updateMilestone }),
      lang: 'fr',
    });
    const title = screen.getByRole('textbox', { name: /Titre/ });
    await userEvent.clear(title);
    await userEvent.type(title, 'Pi');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const message = await screen.findByText('Au moins 3 caractères.');
    // The message belongs to the title field: it describes the input.
    expect(title).toHaveAccessibleDescription(expect.stringContaining('Au moins 3 caractères.'));
    expect(message).toBeInTheDocument();
    expect(title).toHaveValue('Pi');
    expect(title).toHaveAttribute('aria-invalid', 'true');
  });
});
