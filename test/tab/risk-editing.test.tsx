// Editing a risk from a list (project page, Risks page): the editor opens on the risk chosen, a save
// closes it, reloads the list and says so ("will sync" when the server queued the change), and
// cancelling closes it without a notice.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Endpoints } from '../../tab/src/api/endpoints.js';
import { useRiskEditing } from '../../tab/src/components/risk-editing.js';
import { fakeApi, renderInApp } from './helpers.js';
import { riskFixture } from './risk-fixture.js';

const RISK = riskFixture();

function List({ reload }: { reload: () => void }) {
  const editing = useRiskEditing(reload);
  return (
    <>
      <button type="button" onClick={() => editing.edit(RISK)}>
        Edit the risk
      </button>
      {editing.notice}
      {editing.editor}
    </>
  );
}

async function saveMitigation(text: string) {
  await userEvent.click(screen.getByRole('button', { name: 'Edit the risk' }));
  const mitigation = screen.getByRole('textbox', { name: 'Mitigation' });
  await userEvent.clear(mitigation);
  await userEvent.type(mitigation, text);
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
}

describe('useRiskEditing', () => {
  it('closes the editor after a save, reloads the list and says the risk was updated', async () => {
    const saved = { ...RISK, mitigation: 'Bought.', version: 5 };
    const updateRisk = vi.fn<Endpoints['updateRisk']>().mockResolvedValue({ value: saved, version: 5 });
    const reload = vi.fn();
    renderInApp(<List reload={reload} />, { api: fakeApi({ updateRisk }) });
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    await saveMitigation('Bought.');
    expect(await screen.findByRole('status')).toHaveTextContent('Risk updated.');
    expect(reload).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('says the change will sync when the server queued it, and clears the notice on the next edit', async () => {
    const saved = { ...RISK, mitigation: 'Queued.', version: 5 };
    const updateRisk = vi
      .fn<Endpoints['updateRisk']>()
      .mockResolvedValue({ value: saved, version: 5, syncQueued: true });
    renderInApp(<List reload={vi.fn()} />, { api: fakeApi({ updateRisk }) });
    await saveMitigation('Queued.');
    expect(await screen.findByRole('status')).toHaveTextContent('will sync');
    await userEvent.click(screen.getByRole('button', { name: 'Edit the risk' }));
    expect(screen.queryByText(/will sync/)).toBeNull();
  });

  it('closes without a notice or a reload when cancelled', async () => {
    const reload = vi.fn();
    renderInApp(<List reload={reload} />, { api: fakeApi({}) });
    await userEvent.click(screen.getByRole('button', { name: 'Edit the risk' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    expect(reload).not.toHaveBeenCalled();
  });
});
