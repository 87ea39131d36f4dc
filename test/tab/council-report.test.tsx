// The "Council report" button on the Portfolio page: for the Transformation Office only; it asks for
// a period (last complete week by default) and a language, downloads the Word document the server
// drafts under the name it offers, and shows a refused period beside the field.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Endpoints } from '../../tab/src/api/endpoints.js';
import PortfolioPage from '../../tab/src/pages/portfolio-page.js';
import { fakeApi, meOf, PEOPLE, problem, renderInApp } from './helpers.js';

const pending = () => new Promise<never>(() => undefined);
const pageApi = (ops: Partial<Endpoints> = {}) =>
  fakeApi({ summary: pending, projects: () => Promise.resolve([]), ...ops });

describe('Council report', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is offered to the Transformation Office only', () => {
    renderInApp(<PortfolioPage />, { me: meOf(PEOPLE.owner), api: pageApi() });
    expect(screen.queryByRole('button', { name: 'Council report' })).toBeNull();
  });

  it('downloads the report for the period and language chosen', async () => {
    const progressReport = vi.fn<Endpoints['progressReport']>().mockResolvedValue({
      blob: new Blob(['docx']),
      fileName: 'rapport-avancement-conseil-2026-Q4-fr.docx',
    });
    const createObjectURL = vi.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderInApp(<PortfolioPage />, { me: meOf(PEOPLE.cto), api: pageApi({ progressReport }) });
    await userEvent.click(screen.getByRole('button', { name: 'Council report' }));
    const form = within(screen.getByRole('form', { name: 'Council progress report' }));
    const period = form.getByRole('textbox', { name: /Period/ });
    expect(period).toHaveFocus();
    expect(period).toHaveValue('2026-W47');
    await userEvent.clear(period);
    await userEvent.type(period, '2026-Q4');
    await userEvent.selectOptions(form.getByRole('combobox', { name: /Language/ }), 'fr');
    await userEvent.click(form.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(progressReport).toHaveBeenCalledWith('2026-Q4', 'fr'), { timeout: 5000 });
    await waitFor(() => expect(click).toHaveBeenCalled(), { timeout: 5000 });
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('rapport-avancement-conseil-2026-Q4-fr.docx');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Council report' })).toHaveFocus(), {
      timeout: 5000,
    });
  });

  it('shows a refused period beside its field, keeping what was typed', async () => {
    const progressReport = vi.fn<Endpoints['progressReport']>().mockRejectedValue(
      problem(400, 'validation_failed', {
        errors: [
          {
            path: 'period',
            code: 'report_period',
            message: 'Expected a week (2026-W48), a quarter (2026-Q4) or a range of weeks.',
          },
        ],
      }),
    );
    renderInApp(<PortfolioPage />, { me: meOf(PEOPLE.cto), api: pageApi({ progressReport }) });
    await userEvent.click(screen.getByRole('button', { name: 'Council report' }));
    const form = within(screen.getByRole('form', { name: 'Council progress report' }));
    const period = form.getByRole('textbox', { name: /Period/ });
    await userEvent.clear(period);
    await userEvent.type(period, 'soon');
    await userEvent.click(form.getByRole('button', { name: 'Download' }));
    expect(await form.findByText(/Expected a week \(2026-W48\)/)).toBeInTheDocument();
    expect(period).toHaveValue('soon');
  });
});
