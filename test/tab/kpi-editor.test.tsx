// Defining and editing a project's KPIs: only people who may edit the project's KPIs get the Define
// and Edit buttons; a new KPI is posted whole for the project with an idempotency key; an edit sends
// only the changed fields with the version read; a stale edit shows the conflict with the current
// values and keeps my input; a refused value shows the server's message next to its field.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Kpi } from '../../bot/domain/kpi.js';
import type { Settings } from '../../bot/domain/settings.js';
import type { Endpoints, KpiWithProgress } from '../../tab/src/api/endpoints.js';
import { KpiEditor } from '../../tab/src/components/kpi-editor.js';
import { KpisPanel } from '../../tab/src/components/kpis-panel.js';
import { fakeApi, meOf, PEOPLE, problem, project, renderInApp } from './helpers.js';

const AT = '2026-11-20T10:00:00.000Z';
function kpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    id: 'kpi-1',
    title: 'Staff trained on Copilot',
    description: '',
    pillar: null,
    projectId: 'prj-ai-02',
    unit: '%',
    direction: 'higher-is-better',
    baseline: { value: 5, date: '2026-01-01' },
    target: { value: 80, date: '2027-06-30' },
    ownerId: null,
    version: 4,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}
const withProgress = (k: Kpi): KpiWithProgress => ({
  kpi: k,
  measurements: [],
  progress: { trend: 'no-data' },
});
const SETTINGS: Settings = {
  escalationThreshold: 15,
  digest: { enabled: true, weekday: 1, time: '08:00', timeZone: 'Europe/Zurich' },
  reminder: { enabled: true, weekday: 4, time: '10:00', secondNudge: true },
  pillarLeads: {},
  digestSubscribers: [],
  version: 7,
  updatedAt: '2026-11-01T00:00:00.000Z',
};
const settings = () => Promise.resolve({ value: SETTINGS, version: 7 });

describe('KpisPanel: define and edit controls follow the permission', () => {
  it.each([
    ['the project owner', 1, PEOPLE.owner],
    ['the CTO', 1, PEOPLE.cto],
    ['a ChangeMaker', 0, PEOPLE.changemaker],
    ['a viewer', 0, PEOPLE.viewer],
  ])('%s gets %i Edit and Define buttons', async (_who, count, who) => {
    const kpis = vi.fn<Endpoints['kpis']>().mockResolvedValue([withProgress(kpi())]);
    renderInApp(<KpisPanel project={project()} />, { me: meOf(who), api: fakeApi({ kpis, settings }) });
    expect((await screen.findAllByText('Staff trained on Copilot')).length).toBeGreaterThan(0);
    await waitFor(() =>
      expect(screen.queryAllByRole('button', { name: /^Edit the KPI/ })).toHaveLength(count),
    );
    expect(screen.queryAllByRole('button', { name: 'Define a KPI' })).toHaveLength(count);
  });

  it('the owner defines a KPI for a project that has none: it is posted for the project and the list reloads', async () => {
    const created = kpi({ id: 'kpi-2', title: 'Processes automated', unit: 'processes', version: 1 });
    const kpis = vi
      .fn<Endpoints['kpis']>()
      .mockResolvedValueOnce([])
      .mockResolvedValue([withProgress(created)]);
    const createKpi = vi.fn<Endpoints['createKpi']>().mockResolvedValue({ value: created, version: 1 });
    renderInApp(<KpisPanel project={project()} />, {
      me: meOf(PEOPLE.owner),
      api: fakeApi({ kpis, settings, createKpi }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Define a KPI' }));
    const editor = screen.getByTestId('kpi-editor');
    const name = within(editor).getByRole('textbox', { name: /Name/ });
    expect(name).toHaveFocus();
    await userEvent.type(name, 'Processes automated');
    await userEvent.type(within(editor).getByRole('textbox', { name: /Unit/ }), 'processes');
    await userEvent.selectOptions(
      within(editor).getByRole('combobox', { name: 'Direction' }),
      'higher-is-better',
    );
    await userEvent.type(within(editor).getByRole('spinbutton', { name: /Baseline value/ }), '2');
    await userEvent.type(within(editor).getByLabelText(/Baseline date/), '2026-01-01');
    await userEvent.type(within(editor).getByRole('spinbutton', { name: /Target value/ }), '12.5');
    await userEvent.type(within(editor).getByLabelText(/Target date/), '2027-12-31');
    await userEvent.click(within(editor).getByRole('button', { name: 'Define a KPI' }));
    expect(createKpi).toHaveBeenCalledWith(
      {
        title: 'Processes automated',
        description: '',
        projectId: 'prj-ai-02',
        unit: 'processes',
        direction: 'higher-is-better',
        baseline: { value: 2, date: '2026-01-01' },
        target: { value: 12.5, date: '2027-12-31' },
      },
      expect.stringMatching(/.{8,}/),
    );
    expect(await screen.findByRole('status')).toHaveTextContent('KPI defined.');
    expect(
      await screen.findByRole('button', { name: 'Edit the KPI “Processes automated”' }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('kpi-editor')).not.toBeInTheDocument();
  });

  it('a new KPI refused for its target shows the message beside the target, keeps the input and retries with the same key', async () => {
    const createKpi = vi.fn<Endpoints['createKpi']>().mockRejectedValue(
      problem(400, 'validation_failed', {
        errors: [
          {
            path: 'target',
            code: 'custom',
            message: 'La cible doit être postérieure à la référence, dans le sens de l’amélioration.',
          },
        ],
      }),
    );
    renderInApp(<KpiEditor project={project()} onSaved={vi.fn()} onCancel={vi.fn()} />, {
      api: fakeApi({ createKpi }),
      lang: 'fr',
    });
    await userEvent.type(screen.getByRole('textbox', { name: /Nom/ }), 'Délai moyen');
    await userEvent.type(screen.getByRole('textbox', { name: /Unité/ }), 'jours');
    await userEvent.type(screen.getByRole('spinbutton', { name: /Valeur de référence/ }), '30');
    await userEvent.type(screen.getByLabelText(/Date de référence/), '2026-01-01');
    const target = screen.getByRole('spinbutton', { name: /Valeur cible/ });
    await userEvent.type(target, '40');
    await userEvent.type(screen.getByLabelText(/Date cible/), '2026-12-31');
    await userEvent.click(screen.getByRole('button', { name: 'Définir un indicateur' }));
    await screen.findByText('La cible doit être postérieure à la référence, dans le sens de l’amélioration.');
    expect(target).toHaveAccessibleDescription(expect.stringContaining('La cible doit être postérieure'));
    expect(target).toHaveValue(40);
    expect(screen.getByRole('textbox', { name: /Nom/ })).toHaveValue('Délai moyen');
    await userEvent.click(screen.getByRole('button', { name: 'Définir un indicateur' }));
    expect(createKpi).toHaveBeenCalledTimes(2);
    expect(createKpi.mock.calls[1]?.[1]).toBe(createKpi.mock.calls[0]?.[1]);
  });
});

describe('KpiEditor: editing a definition', () => {
  it('sends only the changed fields (a target whole) with the version read', async () => {
    const saved = kpi({ unit: 'percent', target: { value: 90, date: '2027-06-30' }, version: 5 });
    const updateKpi = vi.fn<Endpoints['updateKpi']>().mockResolvedValue({ value: saved, version: 5 });
    const onSaved = vi.fn();
    renderInApp(<KpiEditor project={project()} kpi={kpi()} onSaved={onSaved} onCancel={vi.fn()} />, {
      api: fakeApi({ updateKpi }),
    });
    const unit = screen.getByRole('textbox', { name: /Unit/ });
    await userEvent.clear(unit);
    await userEvent.type(unit, 'percent');
    const target = screen.getByRole('spinbutton', { name: /Target value/ });
    await userEvent.clear(target);
    await userEvent.type(target, '90');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(updateKpi).toHaveBeenCalledWith(
      'kpi-1',
      { unit: 'percent', target: { value: 90, date: '2027-06-30' } },
      4,
    );
    expect(onSaved).toHaveBeenCalledWith(saved, false);
  });

  it('shows a stale edit as a conflict with the current values, keeps my input and, keeping mine, saves over the current version', async () => {
    // Meanwhile someone renamed it and moved the target date (version 5).
    const current = kpi({ title: 'Staff trained', target: { value: 80, date: '2027-12-31' }, version: 5 });
    const saved = { ...current, unit: 'percent', version: 6 };
    const updateKpi = vi
      .fn<Endpoints['updateKpi']>()
      .mockRejectedValueOnce(problem(412, 'version_conflict', { current }))
      .mockResolvedValueOnce({ value: saved, version: 6, syncQueued: true });
    const onSaved = vi.fn();
    renderInApp(<KpiEditor project={project()} kpi={kpi()} onSaved={onSaved} onCancel={vi.fn()} />, {
      api: fakeApi({ updateKpi }),
    });
    const unit = screen.getByRole('textbox', { name: /Unit/ });
    await userEvent.clear(unit);
    await userEvent.type(unit, 'percent');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(updateKpi).toHaveBeenCalledWith('kpi-1', { unit: 'percent' }, 4);

    const conflict = await screen.findByTestId('conflict');
    const row = (field: string) => conflict.querySelector(`[data-field="${field}"]`);
    expect(row('title')?.textContent).toContain('Staff trained on Copilot');
    expect(row('title')?.textContent).toContain('Staff trained');
    expect(row('targetDate')?.textContent).toContain('Dec 31, 2027');
    expect(row('unit')?.textContent).toContain('percent');
    expect(unit).toHaveValue('percent');
    expect(onSaved).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Keep my values and save again' }));
    expect(updateKpi).toHaveBeenLastCalledWith('kpi-1', { unit: 'percent' }, 5);
    expect(onSaved).toHaveBeenCalledWith(saved, true);
  });
});
