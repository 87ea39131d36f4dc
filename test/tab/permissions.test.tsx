// Controls that depend on who is signed in: the Admin entry and page, milestone management, the
// update form on a project and the raise-risk warning.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../tab/src/app.js';
import { MilestonesPanel } from '../../tab/src/components/milestones-panel.js';
import { RaiseRiskForm } from '../../tab/src/components/raise-risk-form.js';
import { browserHost } from '../../tab/src/host/host.js';
import AdminPage from '../../tab/src/pages/admin-page.js';
import { fakeApi, meOf, PEOPLE, project, renderInApp } from './helpers.js';

const milestone = {
  id: 'ms-1',
  projectId: 'prj-ai-02',
  title: 'Pilot review',
  dueDate: '2026-12-10',
  status: 'planned' as const,
  completedOn: null,
  version: 2,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('permission-dependent controls', () => {
  it.each([
    ['the CTO', true, PEOPLE.cto],
    ['an owner', false, PEOPLE.owner],
    ['a viewer', false, PEOPLE.viewer],
  ])('the Admin tab for %s: shown %s', async (_who, shown, who) => {
    window.location.hash = '#/my-work';
    const api = fakeApi({
      me: () => Promise.resolve(meOf(who)),
      myWork: () => Promise.resolve({ projects: [], updatesDue: [], risks: [], milestonesDue: [] }),
      projects: () => Promise.resolve([]),
    });
    const { findByRole, queryByRole } = render(<App host={browserHost({ locale: 'en' })} api={api} />);
    await findByRole('tab', { name: 'My work' });
    expect(queryByRole('tab', { name: 'Admin' }) !== null).toBe(shown);
    // Development mode outside Teams: the identity switcher is visible and marked.
    expect(screen.getByTestId('dev-bar')).toHaveTextContent('Development mode');
  });

  it('the Admin page refuses non-CTO people', () => {
    renderInApp(<AdminPage />, { me: meOf(PEOPLE.owner) });
    expect(screen.getByRole('alert')).toHaveTextContent('Only the Transformation Office');
  });

  it('milestones: the owner may add and complete, a viewer only reads', async () => {
    const milestones = vi.fn(() => Promise.resolve([milestone]));
    const updateMilestone = vi.fn(() =>
      Promise.resolve({
        value: { ...milestone, status: 'done' as const, completedOn: '2026-11-28' },
        version: 3,
      }),
    );
    renderInApp(<MilestonesPanel project={project()} />, {
      api: fakeApi({ milestones, updateMilestone }),
      me: meOf(PEOPLE.owner),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Mark "Pilot review" done' }));
    expect(updateMilestone).toHaveBeenCalledWith('ms-1', { status: 'done' }, 2);
    expect(screen.getByRole('form', { name: 'Add milestone' })).toBeInTheDocument();
  });

  it('milestones: a viewer sees no controls', async () => {
    renderInApp(<MilestonesPanel project={project()} />, {
      api: fakeApi({ milestones: () => Promise.resolve([milestone]) }),
      me: meOf(PEOPLE.viewer),
    });
    await screen.findByText('Pilot review');
    expect(screen.queryByRole('button', { name: /Mark/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add milestone' })).not.toBeInTheDocument();
  });

  it('raising a risk shows the level live and warns at the escalation threshold', async () => {
    renderInApp(<RaiseRiskForm projectId="prj-ai-02" threshold={15} onRaised={vi.fn()} />);
    expect(screen.getByText('Score 9: Medium')).toBeInTheDocument();
    expect(screen.queryByText(/goes to the Transformation Office/)).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Likelihood' }), '5');
    expect(screen.getByText('Score 15: Critical')).toBeInTheDocument();
    expect(screen.getByText(/goes to the Transformation Office at once/)).toBeInTheDocument();
  });
});
