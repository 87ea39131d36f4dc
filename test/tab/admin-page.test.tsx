// Administration: the unreachable-people list (with its empty state, and a server without the
// route), the settings form's localised field messages, and a stale settings edit: the conflict
// with the current values, and keeping mine saves only what I changed over the current version.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import AdminPage from '../../tab/src/pages/admin-page.js';
import type { Endpoints } from '../../tab/src/api/endpoints.js';
import { fakeApi, meOf, PEOPLE, problem, renderInApp } from './helpers.js';

const cto = meOf(PEOPLE.cto);

describe('AdminPage', () => {
  it('lists unreachable people with the reason in the user’s language', async () => {
    const unreachable = vi.fn(() =>
      Promise.resolve({
        items: [
          {
            personId: 'p-owner',
            name: 'Daniel Mwangi',
            email: 'daniel@itu.example',
            reason: 'blocked',
            kind: 'digest',
            period: '2026-W48',
            at: '2026-11-23T07:00:00.000Z',
          },
        ],
      }),
    );
    renderInApp(<AdminPage section="unreachable" />, { me: cto, api: fakeApi({ unreachable }), lang: 'fr' });
    expect(await screen.findByText('cette personne a bloqué le bot')).toBeInTheDocument();
    expect(screen.getByText('Synthèse hebdomadaire')).toBeInTheDocument();
    expect(screen.getByText(/Daniel Mwangi/)).toBeInTheDocument();
  });

  it('says so when everyone can be reached', async () => {
    renderInApp(<AdminPage section="unreachable" />, {
      me: cto,
      api: fakeApi({ unreachable: () => Promise.resolve({ items: [] }) }),
    });
    expect(
      await screen.findByText('Everyone who should receive messages can be reached.'),
    ).toBeInTheDocument();
  });

  it('explains a server without the list instead of failing', async () => {
    renderInApp(<AdminPage section="unreachable" />, {
      me: cto,
      api: fakeApi({ unreachable: () => Promise.reject(problem(404, 'route_not_found')) }),
    });
    expect(await screen.findByText('This server does not list unreachable people yet.')).toBeInTheDocument();
  });

  it('settings: sends the version it read and shows field messages in place', async () => {
    const settings = {
      escalationThreshold: 15,
      digest: { enabled: true, weekday: 1, time: '08:00', timeZone: 'Europe/Zurich' },
      reminder: { enabled: true, weekday: 4, time: '10:00', secondNudge: true },
      pillarLeads: {},
      digestSubscribers: [],
      version: 7,
      updatedAt: '2026-11-01T00:00:00.000Z',
    };
    const updateSettings = vi.fn(() =>
      Promise.reject(
        problem(400, 'validation_failed', {
          errors: [{ path: 'escalationThreshold', code: 'too_big', message: 'Must be at most 25.' }],
        }),
      ),
    );
    renderInApp(<AdminPage section="settings" />, {
      me: cto,
      api: fakeApi({ settings: () => Promise.resolve({ value: settings, version: 7 }), updateSettings }),
    });
    const threshold = await screen.findByRole('spinbutton', { name: /Escalation threshold/ });
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '30');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Must be at most 25.')).toBeInTheDocument();
    expect(updateSettings).toHaveBeenCalledWith(expect.objectContaining({ escalationThreshold: 30 }), 7);
    expect(threshold).toHaveValue(30);
  });

  it('settings: a stale save shows the current values; keeping mine saves only my change over them', async () => {
    const read = {
      escalationThreshold: 15,
      digest: { enabled: true, weekday: 1, time: '08:00', timeZone: 'Europe/Zurich' },
      reminder: { enabled: true, weekday: 4, time: '10:00', secondNudge: true },
      pillarLeads: {},
      digestSubscribers: [],
      version: 7,
      updatedAt: '2026-11-01T00:00:00.000Z',
    };
    // Meanwhile someone moved the digest to Tuesday 09:00 (version 8).
    const current = {
      ...read,
      digest: { ...read.digest, weekday: 2, time: '09:00' },
      version: 8,
      updatedAt: '2026-11-02T00:00:00.000Z',
    };
    const updateSettings = vi
      .fn<Endpoints['updateSettings']>()
      .mockRejectedValueOnce(problem(412, 'version_conflict', { current }))
      .mockResolvedValueOnce({ value: { ...current, escalationThreshold: 12, version: 9 }, version: 9 });
    const settings = vi
      .fn<Endpoints['settings']>()
      .mockResolvedValueOnce({ value: read, version: 7 })
      .mockResolvedValue({ value: { ...current, escalationThreshold: 12, version: 9 }, version: 9 });
    renderInApp(<AdminPage section="settings" />, { me: cto, api: fakeApi({ settings, updateSettings }) });
    const threshold = await screen.findByRole('spinbutton', { name: /Escalation threshold/ });
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '12');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const conflict = await screen.findByTestId('conflict');
    const row = (field: string) => conflict.querySelector(`[data-field="${field}"]`);
    expect(row('escalationThreshold')?.textContent).toContain('12');
    expect(row('escalationThreshold')?.textContent).toContain('15');
    expect(row('digest.time')?.textContent).toContain('09:00');
    expect(row('digest.weekday')?.textContent).toContain('Tuesday');
    expect(row('reminder.time')).toBeNull();
    // Nothing I typed is lost while I decide.
    expect(threshold).toHaveValue(12);

    await userEvent.click(screen.getByRole('button', { name: 'Keep my values and save again' }));
    expect(updateSettings).toHaveBeenLastCalledWith(
      {
        escalationThreshold: 12,
        digest: current.digest,
        reminder: current.reminder,
      },
      8,
    );
    // The form reloads the version it saved, and still says it was saved.
    await waitFor(() => expect(settings).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(threshold).not.toBeInTheDocument());
    expect(screen.getByRole('spinbutton', { name: /Escalation threshold/ })).toHaveValue(12);
    expect(screen.getByText('Saved.')).toBeInTheDocument();
  });

  it('roster: search narrows the list by name, e-mail, unit or role', async () => {
    renderInApp(<AdminPage />, { me: cto });
    await screen.findByText('Daniel Mwangi');
    expect(document.querySelectorAll('tr[data-person]')).toHaveLength(4);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search people' }), 'viewer');
    expect(document.querySelectorAll('tr[data-person]')).toHaveLength(1);
    expect(screen.getByText('Vera Viewer')).toBeInTheDocument();
    expect(screen.getByText('1 person')).toBeInTheDocument();
  });

  it('roster: adding a person shows a refused field in place, keeps the input, then adds once', async () => {
    const createPerson = vi
      .fn<Endpoints['createPerson']>()
      .mockRejectedValueOnce(
        problem(400, 'validation_failed', {
          errors: [{ path: 'email', code: 'taken', message: 'Cette adresse est déjà utilisée.' }],
        }),
      )
      .mockImplementationOnce((body) =>
        Promise.resolve({ value: { ...PEOPLE.viewer, ...body, id: 'p-new', locale: null }, version: 1 }),
      );
    const roster = vi.fn(() => Promise.resolve(Object.values(PEOPLE)));
    renderInApp(<AdminPage />, { me: cto, api: fakeApi({ createPerson, roster }), lang: 'fr' });
    const form = await screen.findByRole('form', { name: 'Ajouter une personne' });
    const inForm = within(form);
    await userEvent.type(inForm.getByRole('textbox', { name: /Nom/ }), 'Inès Moreau');
    await userEvent.type(inForm.getByRole('textbox', { name: /Courriel/ }), 'ines@itu.example');
    await userEvent.selectOptions(inForm.getByRole('combobox', { name: /Unité/ }), 'BDT');
    await userEvent.click(inForm.getByRole('button', { name: 'Ajouter une personne' }));
    expect(await inForm.findByText('Cette adresse est déjà utilisée.')).toBeInTheDocument();
    expect(inForm.getByRole('textbox', { name: /Nom/ })).toHaveValue('Inès Moreau');

    await userEvent.click(inForm.getByRole('button', { name: 'Ajouter une personne' }));
    expect(await screen.findByText('Inès Moreau a été ajouté(e) à la liste.')).toBeInTheDocument();
    const [first, second] = createPerson.mock.calls;
    expect(second?.[0]).toEqual({
      name: 'Inès Moreau',
      email: 'ines@itu.example',
      role: 'viewer',
      orgUnit: 'BDT',
    });
    // The refused attempt stored nothing, so the retry may use the same idempotency key.
    expect(second?.[1]).toBe(first?.[1]);
    expect(roster).toHaveBeenCalledTimes(2);
    expect(inForm.getByRole('textbox', { name: /Nom/ })).toHaveValue('');
  });
});
