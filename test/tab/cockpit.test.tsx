// The cockpit in the tab: Needs attention acts on escalations with the version read and nudges
// owners; the portfolio table remembers each person's columns, shows the owner, filters by kind and
// reporting state and says when nothing matches; the project Overview is the status, Edit opens the form.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Attention, Endpoints, ProjectOverview } from '../../tab/src/api/endpoints.js';
import { NeedsAttention } from '../../tab/src/components/needs-attention.js';
import { ProjectStatus } from '../../tab/src/components/project-status.js';
import { ProjectTable, readHiddenColumns } from '../../tab/src/components/project-table.js';
import { fakeApi, meOf, PEOPLE, problem, project, renderInApp } from './helpers.js';

const AT = '2026-11-20T10:00:00.000Z';
const risk = {
  id: 'rsk-1',
  projectId: 'prj-ai-04',
  title: 'Panel availability',
  description: '',
  category: 'operational',
  likelihood: 4,
  impact: 4,
  score: 16,
  level: 'critical',
  strategy: 'mitigate',
  mitigation: '',
  ownerId: 'p-owner',
  status: 'escalated',
  raisedById: 'p-owner',
  raisedAt: AT,
  escalation: { at: AT, byId: 'p-owner', reason: 'threshold', acknowledgedAt: null, acknowledgedById: null },
  history: [],
  dueDate: null,
  version: 3,
  createdAt: AT,
  updatedAt: AT,
} as unknown as Attention['escalations'][number]['risk'];

const attention: Attention = {
  period: '2026-W48',
  scope: 'all',
  pillars: [],
  canAct: true,
  escalations: [
    {
      risk,
      project: { id: 'prj-ai-04', code: 'AI-04', title: 'Recruitment', pillar: 'PAC' },
      ownerName: 'Daniel Mwangi',
      escalatedByName: 'Daniel Mwangi',
    },
  ],
  overdue: [
    {
      project: {
        id: 'prj-cc-07',
        code: 'CC-07',
        title: 'Functional mobility',
        pillar: 'PAC',
        kind: 'change-case',
      },
      ownerId: 'p-owner',
      ownerName: 'Daniel Mwangi',
      weeksLate: 3,
      lastReportedPeriod: '2026-W44',
    },
  ],
  due: [
    {
      project: {
        id: 'prj-ai-03',
        code: 'AI-03',
        title: 'Leadership culture',
        pillar: 'PAC',
        kind: 'accelerated-initiative',
      },
      ownerId: 'p-owner',
      ownerName: 'Daniel Mwangi',
      weeksLate: 0,
    },
  ],
};

describe('NeedsAttention', () => {
  it('acknowledges with the version read, keeps overdue apart from due with weeks late, and nudges', async () => {
    const actOnEscalation = vi.fn<Endpoints['actOnEscalation']>(() =>
      Promise.resolve({ value: { ...risk, version: 5 }, version: 5 }),
    );
    const nudge = vi.fn<Endpoints['nudge']>(() =>
      Promise.resolve({ value: { sent: 1, already: 0, unreachable: 0 }, version: undefined }),
    );
    const onChanged = vi.fn();
    renderInApp(<NeedsAttention attention={attention} onChanged={onChanged} />, {
      me: meOf(PEOPLE.cto),
      api: fakeApi({ actOnEscalation, nudge }),
    });
    const overdue = screen.getByRole('region', { name: 'Overdue updates (1)' });
    expect(within(overdue).getByText('3 weeks late')).toBeInTheDocument();
    const due = screen.getByRole('region', { name: 'Updates due this week (1)' });
    expect(within(due).queryByText(/late/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Acknowledge “Panel availability”' }));
    expect(actOnEscalation).toHaveBeenCalledWith('rsk-1', { action: 'acknowledge' }, 3);
    expect(await screen.findByText('Acknowledged: Panel availability.')).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalled();
    await userEvent.click(within(overdue).getByRole('button', { name: 'Nudge Daniel Mwangi about CC-07' }));
    expect(nudge).toHaveBeenCalledWith('prj-cc-07');
    expect(await screen.findByText('Reminder sent to Daniel Mwangi.')).toBeInTheDocument();
  });

  it('reassigns to the chosen person; a stale version says the risk changed', async () => {
    const actOnEscalation = vi.fn<Endpoints['actOnEscalation']>(() =>
      Promise.reject(problem(409, 'version_conflict')),
    );
    renderInApp(<NeedsAttention attention={attention} onChanged={() => {}} />, {
      me: meOf(PEOPLE.cto),
      api: fakeApi({ actOnEscalation }),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Reassign “Panel availability”' }));
    const select = await screen.findByRole('combobox', { name: 'New owner' });
    await screen.findByRole('option', { name: 'Nadia Rahimi' });
    await userEvent.selectOptions(select, 'p-cto');
    await userEvent.click(screen.getByRole('button', { name: 'Reassign and acknowledge' }));
    expect(actOnEscalation).toHaveBeenCalledWith('rsk-1', { action: 'reassign', ownerId: 'p-cto' }, 3);
    expect(await screen.findByText(/changed since you opened this page/)).toBeInTheDocument();
  });

  it('shows a pillar lead their pillars without the CTO actions', () => {
    renderInApp(
      <NeedsAttention
        attention={{ ...attention, scope: 'pillars', pillars: ['PAC'], canAct: false }}
        onChanged={() => {}}
      />,
      { api: fakeApi({}) },
    );
    expect(screen.getByText('Your pillars: PAC')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Acknowledge/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: /^Nudge/ })).toHaveLength(2);
  });
});

describe('ProjectTable cockpit columns and filters', () => {
  const people = new Map(Object.values(PEOPLE).map((p) => [p.id, p]));
  const o = (
    code: string,
    kind: ProjectOverview['project']['kind'],
    reporting: ProjectOverview['reporting'],
    ownerId: string,
  ): ProjectOverview => ({
    project: project({ id: `prj-${code}`, code, title: `Project ${code}`, kind, ownerId }),
    reporting,
    openRisks: 0,
  });
  const data = [
    o('AI-01', 'accelerated-initiative', 'overdue', 'p-owner'),
    o('TR-02', 'project', 'due', 'p-cto'),
    o('CC-03', 'change-case', 'up-to-date', 'p-owner'),
  ];
  const codes = () =>
    [...document.querySelectorAll('[role="row"][data-code]')].map((r) => r.getAttribute('data-code'));

  it('shows the owner, filters by kind and reporting state, and says when nothing matches', async () => {
    renderInApp(<ProjectTable overviews={data} people={people} personId="p-cto" />);
    expect(screen.getByRole('columnheader', { name: 'Owner' })).toBeInTheDocument();
    expect(document.querySelector('[data-code="TR-02"] [data-col="owner"]')?.textContent).toBe(
      'Nadia Rahimi',
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'change-case');
    expect(codes()).toEqual(['CC-03']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Reporting' }), 'overdue');
    expect(codes()).toEqual([]);
    expect(screen.getByTestId('no-match')).toHaveTextContent('No project matches these filters.');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(codes()).toEqual(['AI-01', 'CC-03', 'TR-02']);
  });

  it("remembers each person's columns", async () => {
    const { unmount } = renderInApp(<ProjectTable overviews={data} people={people} personId="p-cto" />);
    expect(screen.queryByRole('columnheader', { name: 'Kind' })).toBeNull();
    await userEvent.click(screen.getByTestId('column-chooser'));
    await userEvent.click(await screen.findByRole('menuitemcheckbox', { name: 'Kind' }));
    await userEvent.click(screen.getByRole('menuitemcheckbox', { name: 'Open risks' }));
    expect(screen.getByRole('columnheader', { name: 'Kind' })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Open risks' })).toBeNull();
    expect(readHiddenColumns('p-cto')).toEqual(['risks']);
    unmount();
    renderInApp(<ProjectTable overviews={data} people={people} personId="p-cto" />);
    expect(screen.getByRole('columnheader', { name: 'Kind' })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Open risks' })).toBeNull();
    // Another person keeps the default columns.
    expect(readHiddenColumns('p-owner')).toEqual(['kind']);
  });
});

describe('ProjectStatus', () => {
  it('shows the latest report with every dimension, top risks, overdue milestones and KPIs', async () => {
    const p = project({ id: 'prj-ai-02', code: 'AI-02' });
    const update = {
      id: 'su-1',
      projectId: p.id,
      period: '2026-W47',
      health: 'amber',
      dimensions: { schedule: 'green', resources: 'red' },
      percentComplete: 40,
      summary: 'Wave 1 done.',
      achievements: '',
      nextSteps: 'Wave 2.',
      blockers: '',
      authorId: 'p-owner',
      submittedAt: AT,
      source: 'tab',
      submissionKey: null,
      history: [],
      version: 1,
      createdAt: AT,
      updatedAt: AT,
    } as const;
    const milestone = (id: string, dueDate: string, status: 'planned' | 'done') => ({
      id,
      projectId: p.id,
      title: `Milestone ${id}`,
      dueDate,
      status,
      completedOn: null,
      description: '',
      version: 1,
      createdAt: AT,
      updatedAt: AT,
    });
    renderInApp(
      <ProjectStatus
        overview={{ project: p, health: 'amber', previousHealth: 'green', reporting: 'due', openRisks: 1 }}
      />,
      {
        me: { ...meOf(PEOPLE.owner), today: '2026-11-25' },
        api: fakeApi({
          statusUpdates: () => Promise.resolve([update] as never),
          risks: () => Promise.resolve([{ ...risk, projectId: p.id, status: 'open' }] as never),
          milestones: () =>
            Promise.resolve([
              milestone('a', '2026-11-18', 'planned'),
              milestone('b', '2026-12-10', 'planned'),
            ] as never),
          kpis: () => Promise.resolve([]),
        }),
      },
    );
    expect(await screen.findByText('Latest report: 2026-W47')).toBeInTheDocument();
    expect(document.querySelector('[data-dimension="resources"]')).toHaveTextContent('Off track');
    expect(document.querySelector('[data-dimension="budget"]')).toHaveTextContent('Not assessed');
    expect(await screen.findByText('Panel availability')).toBeInTheDocument();
    expect(document.querySelector('[data-milestone-state="overdue"]')).toHaveTextContent('Milestone a');
    expect(document.querySelector('[data-milestone-state="planned"]')).toHaveTextContent('Milestone b');
    expect(screen.getByText('Worsened')).toBeInTheDocument();
  });
});
