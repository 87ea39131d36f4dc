// Creating a project from the Portfolio page: only the Transformation Office gets the button; the
// form sends one idempotency key per creation (kept for the retry of a refused attempt), shows the
// server's field messages beside their fields in the user's language with the input kept, and goes
// to the new project's page.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Endpoints } from '../../tab/src/api/endpoints.js';
// Loaded lazily by the page; imported here so the form appears without waiting for the module.
import '../../tab/src/components/new-project-form.js';
import PortfolioPage from '../../tab/src/pages/portfolio-page.js';
import { fakeApi, meOf, PEOPLE, problem, project, renderInApp } from './helpers.js';

const pending = () => new Promise<never>(() => undefined);
const pageApi = (ops: Partial<Endpoints> = {}) =>
  fakeApi({ summary: pending, projects: () => Promise.resolve([]), ...ops });

describe('New project', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('creates a project, keeping the key for the retry of a refused attempt, then opens its page', async () => {
    const created = project({ id: 'prj-tr-09', code: 'TR-09', title: 'Records digitisation', version: 1 });
    const createProject = vi
      .fn<Endpoints['createProject']>()
      .mockRejectedValueOnce(
        problem(400, 'validation_failed', {
          errors: [
            {
              path: 'code',
              code: 'invalid_format',
              message: 'un code de projet est attendu, par exemple TR-07',
            },
          ],
        }),
      )
      .mockResolvedValueOnce({ value: created, version: 1 });
    renderInApp(<PortfolioPage />, { me: meOf(PEOPLE.cto), api: pageApi({ createProject }), lang: 'fr' });
    await userEvent.click(screen.getByRole('button', { name: 'Nouveau projet' }));
    const form = within(await screen.findByRole('form', { name: 'Nouveau projet' }, { timeout: 10_000 }));
    const code = form.getByRole('textbox', { name: /Code/ });
    expect(code).toHaveFocus();
    await userEvent.type(code, 'TR9');
    await userEvent.type(form.getByRole('textbox', { name: /Titre/ }), 'Records digitisation');
    await userEvent.selectOptions(form.getByRole('combobox', { name: /Pilier/ }), 'GOV');
    await userEvent.selectOptions(form.getByRole('combobox', { name: /Unité/ }), 'BDT');
    await waitFor(() => expect(form.getByRole('option', { name: 'Daniel Mwangi' })).toBeInTheDocument());
    await userEvent.selectOptions(form.getByRole('combobox', { name: /Responsable/ }), 'p-owner');
    await userEvent.click(form.getByRole('button', { name: 'Créer le projet' }));

    await waitFor(() =>
      expect(code).toHaveAccessibleDescription(/un code de projet est attendu, par exemple TR-07/),
    );
    expect(code).toHaveValue('TR9');
    expect(form.getByRole('textbox', { name: /Titre/ })).toHaveValue('Records digitisation');

    await userEvent.clear(code);
    await userEvent.type(code, 'TR-09');
    await userEvent.click(form.getByRole('button', { name: 'Créer le projet' }));
    await waitFor(() => expect(window.location.hash).toBe('#/projects/TR-09'));
    const [first, second] = createProject.mock.calls;
    expect(second?.[0]).toEqual({
      code: 'TR-09',
      title: 'Records digitisation',
      kind: 'project',
      pillar: 'GOV',
      orgUnit: 'BDT',
      ownerId: 'p-owner',
      startDate: null,
      dueDate: null,
      description: '',
    });
    expect(second?.[1]).toBe(first?.[1]);
    expect(first?.[1]).toMatch(/\S{8,}/);
    // Typing a whole form takes jsdom ~16 s on a busy 2-core machine: more room than the default 20 s.
  }, 60_000);

  it('cancelling closes the form and returns focus to the button', async () => {
    renderInApp(<PortfolioPage />, { me: meOf(PEOPLE.cto), api: pageApi() });
    await userEvent.click(screen.getByRole('button', { name: 'New project' }));
    expect(await screen.findByRole('form', { name: 'New project' }, { timeout: 10_000 })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'New project' })).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'New project' })).toHaveFocus());
  });

  it('starts with the pillar the portfolio is filtered by', async () => {
    renderInApp(<PortfolioPage pillar="PAC" />, { me: meOf(PEOPLE.cto), api: pageApi() });
    await userEvent.click(screen.getByRole('button', { name: 'New project' }));
    const form = within(await screen.findByRole('form', { name: 'New project' }, { timeout: 10_000 }));
    expect(form.getByRole('combobox', { name: /Pillar/ })).toHaveValue('PAC');
  });

  it.each([PEOPLE.owner, PEOPLE.changemaker, PEOPLE.viewer])('is not offered to $role', async (p) => {
    renderInApp(<PortfolioPage />, { me: meOf(p), api: pageApi() });
    await screen.findByRole('tab', { name: 'Projects' });
    expect(screen.queryByRole('button', { name: 'New project' })).toBeNull();
  });
});
