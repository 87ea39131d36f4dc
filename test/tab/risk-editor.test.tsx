// Updating a risk from the project page: only people who may update a risk get the button, a stale
// edit shows the conflict with the current values and keeping mine sends only my fields over the
// current version, and a refused value shows its message next to the field with the input kept.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { canEditRisk } from '../../bot/domain/permissions.js';
import type { Endpoints } from '../../tab/src/api/endpoints.js';
import { RaiseRiskForm } from '../../tab/src/components/raise-risk-form.js';
import { RiskEditor } from '../../tab/src/components/risk-editor.js';
import { RiskTable } from '../../tab/src/components/risk-table.js';
import { fakeApi, meOf, PEOPLE, problem, project, renderInApp } from './helpers.js';
import { riskFixture } from './risk-fixture.js';

const risk = riskFixture;

describe('RiskTable: the Update button follows the permission', () => {
  it.each([
    ['the project owner', 2, PEOPLE.owner],
    ['the CTO', 2, PEOPLE.cto],
    ['a ChangeMaker who owns one of the risks', 1, PEOPLE.changemaker],
    ['a viewer', 0, PEOPLE.viewer],
  ])('%s gets it on %i of 2 risks', (_who, count, who) => {
    const risks = [risk(), risk({ id: 'rsk-2', title: 'Vendor delay', ownerId: 'p-changemaker' })];
    renderInApp(
      <RiskTable
        risks={risks}
        people={new Map()}
        caption="Risks of AI-02"
        canEdit={(r) => canEditRisk(who, r, project()).allowed}
        onEdit={vi.fn()}
      />,
      { me: meOf(who) },
    );
    expect(screen.queryAllByRole('button', { name: /^Update the risk/ })).toHaveLength(count);
  });
});

describe('RiskEditor', () => {
  it('takes the keyboard to its first field on open and back to the button that opened it on cancel', async () => {
    function Opener() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Update the risk
          </button>
          {open ? <RiskEditor risk={risk()} onSaved={vi.fn()} onCancel={() => setOpen(false)} /> : null}
        </>
      );
    }
    renderInApp(<Opener />);
    await userEvent.click(screen.getByRole('button', { name: 'Update the risk' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Status' })).toHaveFocus());
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Update the risk' })).toHaveFocus());
  });

  it('shows a stale edit as a conflict and, keeping mine, saves only my fields over the current version', async () => {
    // Meanwhile someone rated the impact 5 and moved the risk to mitigating (version 5).
    const current = risk({ impact: 5, status: 'mitigating', score: 20, level: 'critical', version: 5 });
    const saved = { ...current, mitigation: 'Licences bought for wave 2.', version: 6 };
    const updateRisk = vi
      .fn<Endpoints['updateRisk']>()
      .mockRejectedValueOnce(problem(412, 'version_conflict', { current }))
      .mockResolvedValueOnce({ value: saved, version: 6 });
    const onSaved = vi.fn();
    renderInApp(<RiskEditor risk={risk()} onSaved={onSaved} onCancel={vi.fn()} />, {
      api: fakeApi({ updateRisk }),
    });
    const mitigation = screen.getByRole('textbox', { name: 'Mitigation' });
    await userEvent.clear(mitigation);
    await userEvent.type(mitigation, 'Licences bought for wave 2.');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(updateRisk).toHaveBeenCalledWith('rsk-1', { mitigation: 'Licences bought for wave 2.' }, 4);

    const conflict = await screen.findByTestId('conflict');
    const row = (field: string) => conflict.querySelector(`[data-field="${field}"]`);
    expect(row('mitigation')?.textContent).toContain('Licences bought for wave 2.');
    expect(row('mitigation')?.textContent).toContain('Top-up requested.');
    // The form still shows what I started from, so my values differ from the new current ones.
    expect(within(conflict).getByText('Mitigating')).toBeInTheDocument();
    expect(mitigation).toHaveValue('Licences bought for wave 2.');

    await userEvent.click(screen.getByRole('button', { name: 'Keep my values and save again' }));
    expect(updateRisk).toHaveBeenLastCalledWith('rsk-1', { mitigation: 'Licences bought for wave 2.' }, 5);
    expect(onSaved).toHaveBeenCalledWith(saved, false);
  });

  it('passes on that the server queued the change for SharePoint (it will sync)', async () => {
    const saved = { ...risk(), mitigation: 'Queued.', version: 5 };
    const updateRisk = vi
      .fn<Endpoints['updateRisk']>()
      .mockResolvedValue({ value: saved, version: 5, syncQueued: true });
    const onSaved = vi.fn();
    renderInApp(<RiskEditor risk={risk()} onSaved={onSaved} onCancel={vi.fn()} />, {
      api: fakeApi({ updateRisk }),
    });
    const mitigation = screen.getByRole('textbox', { name: 'Mitigation' });
    await userEvent.clear(mitigation);
    await userEvent.type(mitigation, 'Queued.');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved, true));
  });

  it('marks a risk confidential with the checkbox and sends only that field', async () => {
    const saved = { ...risk(), confidential: true, version: 5 };
    const updateRisk = vi.fn<Endpoints['updateRisk']>().mockResolvedValue({ value: saved, version: 5 });
    const onSaved = vi.fn();
    renderInApp(<RiskEditor risk={risk()} onSaved={onSaved} onCancel={vi.fn()} />, {
      api: fakeApi({ updateRisk }),
    });
    const box = screen.getByRole('checkbox', { name: 'Confidential' });
    expect(box).not.toBeChecked();
    await userEvent.click(box);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(updateRisk).toHaveBeenCalledWith('rsk-1', { confidential: true }, 4);
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved, false));
  });

  it('shows a refused value next to its field in the user’s language and keeps the input', async () => {
    const updateRisk = vi.fn<Endpoints['updateRisk']>().mockRejectedValue(
      problem(400, 'validation_failed', {
        errors: [{ path: 'mitigation', code: 'too_big', message: '4 000 caractères au plus.' }],
      }),
    );
    renderInApp(<RiskEditor risk={risk()} onSaved={vi.fn()} onCancel={vi.fn()} />, {
      api: fakeApi({ updateRisk }),
      lang: 'fr',
    });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Statut' }), 'closed');
    const mitigation = screen.getByRole('textbox', { name: 'Atténuation' });
    await userEvent.type(mitigation, ' Encore.');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(updateRisk).toHaveBeenCalledWith(
      'rsk-1',
      { status: 'closed', mitigation: 'Top-up requested. Encore.' },
      4,
    );
    expect(await screen.findByText('4 000 caractères au plus.')).toBeInTheDocument();
    expect(mitigation).toHaveValue('Top-up requested. Encore.');
    expect(screen.getByRole('combobox', { name: 'Statut' })).toHaveValue('closed');
  });
});

describe('raising a risk from the tab', () => {
  it('raises it confidential when the box is checked', async () => {
    const raiseRisk = vi
      .fn<Endpoints['raiseRisk']>()
      .mockResolvedValue({ value: risk({ confidential: true }), version: 1 });
    const onRaised = vi.fn();
    renderInApp(<RaiseRiskForm projectId="prj-ai-02" threshold={15} onRaised={onRaised} />, {
      api: fakeApi({ raiseRisk }),
    });
    await userEvent.type(screen.getByRole('textbox', { name: /^Risk/ }), 'Restructuring of the unit');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Confidential' }));
    await userEvent.click(screen.getByRole('button', { name: 'Raise a risk' }));
    await vi.waitFor(() => expect(onRaised).toHaveBeenCalled());
    expect(raiseRisk).toHaveBeenCalledWith(
      expect.objectContaining({
        projectId: 'prj-ai-02',
        title: 'Restructuring of the unit',
        confidential: true,
      }),
      expect.any(String),
    );
  });
});
