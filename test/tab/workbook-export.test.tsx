// The table's "Export Excel": asks the server for the workbook of the table's pillar and phase, saves
// it under the name the server suggests, and says so in the user's language when it fails.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProjectTable } from '../../tab/src/components/project-table.js';
import { fakeApi, PEOPLE, project, renderInApp } from './helpers.js';

const people = new Map(Object.values(PEOPLE).map((p) => [p.id, p]));
const overviews = [{ project: project({ pillar: 'GOV' }), reporting: 'up-to-date' as const, openRisks: 0 }];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Export Excel', () => {
  it('downloads the workbook of the table filters under the server name', async () => {
    const blob = new Blob(['xlsx']);
    const portfolioWorkbook = vi.fn().mockResolvedValue({ blob, fileName: 'portfolio-2026-W48.xlsx' });
    const created = vi.fn().mockReturnValue('blob:workbook');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });
    renderInApp(<ProjectTable overviews={overviews} people={people} pillar="GOV" />, {
      api: fakeApi({ portfolioWorkbook }),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Export Excel' }));
    await waitFor(() => expect(saved).toEqual(['portfolio-2026-W48.xlsx blob:workbook']));
    expect(portfolioWorkbook).toHaveBeenCalledWith(expect.objectContaining({ pillar: 'GOV' }));
    expect(created).toHaveBeenCalledWith(blob);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says in the user language when the export failed', async () => {
    const portfolioWorkbook = vi.fn().mockRejectedValue(new Error('offline'));
    renderInApp(<ProjectTable overviews={overviews} people={people} />, {
      api: fakeApi({ portfolioWorkbook }),
      lang: 'fr',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Exporter en Excel' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Le classeur n'a pas pu être exporté.");
    expect(screen.getByRole('button', { name: 'Exporter en Excel' })).toBeEnabled();
  });
});
