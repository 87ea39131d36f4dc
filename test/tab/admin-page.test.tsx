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
  it('shows recent proactive runs with the sends left uncertain by a stopped instance (issue 19)', async () => {
    const runs = vi.fn(() =>
      Promise.resolve({
        items: [
          {
            kind: 'digest',
            period: '2026-W48',
            lastAt: '2026-11-30T07:05:00.000Z',
            recipients: 5,
            counts: { delivered: 4, unreachable: 1 },
            uncertain: [
              {
                recipientId: 'p-owner',
                name: 'Daniel Mwangi',
                status: 'delivered',
                holder: 'instance-a',
                at: '2026-11-30T07:04:00.000Z',
                action: 'resent',
              },
            ],
          },
        ],
      }),
    );
    renderInApp(<AdminPage section="unreachable" />, {
      me: cto,
      api: fakeApi({ runs, unreachable: () => Promise.resolve({ items: [] }) }),
      lang: 'fr',
    });
    expect(
      await screen.findByText(
        'Daniel Mwangi : en cours quand instance-a s’est arrêtée, renvoyé'.replace('’', "'"),
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('4 remis, 1 injoignables, 0 en échec, 0 autres')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Envois proactifs récents' })).toBeInTheDocument();
  });

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

describe('AdminPage: pillar leads and digest subscribers', () => {
  const read = {
    escalationThreshold: 15,
    digest: { enabled: true, weekday: 1, time: '08:00', timeZone: 'Europe/Zurich' },
    reminder: { enabled: true, weekday: 4, time: '10:00', secondNudge: true },
    pillarLeads: { PAC: ['p-changemaker'] },
    digestSubscribers: ['p-changemaker'],
    version: 7,
    updatedAt: '2026-11-01T00:00:00.000Z',
  };

  it('assigns a lead found by search and removes a subscriber, sending the version read', async () => {
    const updateSettings = vi
      .fn<Endpoints['updateSettings']>()
      .mockResolvedValue({ value: { ...read, version: 8 }, version: 8, syncQueued: true });
    const settings = vi.fn<Endpoints['settings']>().mockResolvedValue({ value: read, version: 7 });
    renderInApp(<AdminPage section="settings" />, { me: cto, api: fakeApi({ settings, updateSettings }) });
    const gov = within(await screen.findByTestId('leads-GOV'));
    expect(await within(screen.getByTestId('leads-PAC')).findByText('Chris Maker')).toBeInTheDocument();
    expect(gov.getByText('No one yet.')).toBeInTheDocument();

    const search = gov.getByRole('searchbox', { name: 'Find someone to add to Governance' });
    await userEvent.type(search, 'mwangi');
    await userEvent.click(gov.getByRole('button', { name: 'Add Daniel Mwangi to Governance' }));
    expect(gov.getByText('Daniel Mwangi')).toBeInTheDocument();
    // The keyboard stays in the picker after the chosen button goes away.
    expect(search).toHaveFocus();
    expect(search).toHaveValue('');

    await userEvent.click(
      screen.getByRole('button', { name: 'Remove Chris Maker from Also receive the weekly digest' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateSettings).toHaveBeenCalledTimes(1));
    expect(updateSettings).toHaveBeenCalledWith(
      expect.objectContaining({
        pillarLeads: { PAC: ['p-changemaker'], GOV: ['p-owner'] },
        digestSubscribers: [],
      }),
      7,
    );
    expect(
      await screen.findByText('Saved. SharePoint is busy, so this change will sync shortly.'),
    ).toBeInTheDocument();
  });

  it('leaves the lists out of the save when they did not change', async () => {
    const updateSettings = vi
      .fn<Endpoints['updateSettings']>()
      .mockResolvedValue({ value: { ...read, version: 8 }, version: 8 });
    renderInApp(<AdminPage section="settings" />, {
      me: cto,
      api: fakeApi({ settings: () => Promise.resolve({ value: read, version: 7 }), updateSettings }),
    });
    await screen.findByTestId('leads-GOV');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateSettings).toHaveBeenCalledTimes(1));
    const [body] = updateSettings.mock.calls[0]!;
    expect(body).not.toHaveProperty('pillarLeads');
    expect(body).not.toHaveProperty('digestSubscribers');
  });

  it('shows the server’s message beside the pillar whose lead it refused, and keeps the choice', async () => {
    const updateSettings = vi.fn(() =>
      Promise.reject(
        problem(400, 'validation_failed', {
          errors: [
            { path: 'pillarLeads.GOV.0', code: 'unknown_person', message: 'Personne inconnue : p-owner' },
          ],
        }),
      ),
    );
    renderInApp(<AdminPage section="settings" />, {
      me: cto,
      api: fakeApi({ settings: () => Promise.resolve({ value: read, version: 7 }), updateSettings }),
      lang: 'fr',
    });
    const gov = within(await screen.findByTestId('leads-GOV'));
    await userEvent.type(gov.getByRole('searchbox'), 'Daniel');
    await userEvent.click(gov.getByRole('button', { name: 'Ajouter Daniel Mwangi à Gouvernance' }));
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await gov.findByText('Personne inconnue : p-owner')).toBeInTheDocument();
    expect(within(screen.getByTestId('leads-SPT')).queryByText('Personne inconnue : p-owner')).toBeNull();
    expect(gov.getByText('Daniel Mwangi')).toBeInTheDocument();
  });

  it('a stale save shows the leads next to the current ones; keeping mine changes only my pillar', async () => {
    // Meanwhile someone made the CTO lead of SPT and subscribed the owner (version 8).
    const current = {
      ...read,
      pillarLeads: { ...read.pillarLeads, SPT: ['p-cto'] },
      digestSubscribers: ['p-changemaker', 'p-owner'],
      version: 8,
      updatedAt: '2026-11-02T00:00:00.000Z',
    };
    const updateSettings = vi
      .fn<Endpoints['updateSettings']>()
      .mockRejectedValueOnce(problem(412, 'version_conflict', { current }))
      .mockResolvedValueOnce({ value: { ...current, version: 9 }, version: 9 });
    const settings = vi
      .fn<Endpoints['settings']>()
      .mockResolvedValueOnce({ value: read, version: 7 })
      .mockResolvedValue({ value: { ...current, version: 9 }, version: 9 });
    renderInApp(<AdminPage section="settings" />, { me: cto, api: fakeApi({ settings, updateSettings }) });
    const gov = within(await screen.findByTestId('leads-GOV'));
    await userEvent.type(gov.getByRole('searchbox'), 'Nadia');
    await userEvent.click(gov.getByRole('button', { name: 'Add Nadia Rahimi to Governance' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const conflict = await screen.findByTestId('conflict');
    const row = (field: string) => conflict.querySelector(`[data-field="${field}"]`);
    expect(row('pillarLeads.GOV')?.textContent).toContain('Nadia Rahimi');
    expect(row('pillarLeads.SPT')?.textContent).toContain('Nadia Rahimi');
    expect(row('digestSubscribers')?.textContent).toContain('Chris Maker, Daniel Mwangi');
    expect(row('pillarLeads.PAC')).toBeNull();
    // My choice is still on screen while I decide.
    expect(gov.getByText('Nadia Rahimi')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Keep my values and save again' }));
    await waitFor(() => expect(updateSettings).toHaveBeenCalledTimes(2));
    const [body, version] = updateSettings.mock.calls[1]!;
    expect(version).toBe(8);
    expect(body.pillarLeads).toEqual({ PAC: ['p-changemaker'], SPT: ['p-cto'], GOV: ['p-cto'] });
    // I did not touch the subscribers: the current list stays (left out of the patch).
    expect(body).not.toHaveProperty('digestSubscribers');
  });

  it('is not offered to someone who is not the Transformation Office', () => {
    renderInApp(<AdminPage section="settings" />, { me: meOf(PEOPLE.owner) });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Only the Transformation Office can administer the app.',
    );
    expect(screen.queryByText('Pillar leads')).toBeNull();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });
});

describe('AdminPage: editing a roster person', () => {
  const daniel = PEOPLE.owner;

  it('saves only the changed details with the version read, then returns focus to Edit', async () => {
    const updatePerson = vi.fn<Endpoints['updatePerson']>().mockImplementation((id, patch) =>
      Promise.resolve({
        value: { ...daniel, ...patch, locale: 'fr', version: 2 },
        version: 2,
        syncQueued: true,
      }),
    );
    renderInApp(<AdminPage />, { me: cto, api: fakeApi({ updatePerson }) });
    const edit = await screen.findByRole('button', { name: 'Edit Daniel Mwangi' });
    await userEvent.click(edit);
    const editor = within(screen.getByRole('form', { name: 'Edit Daniel Mwangi' }));
    const name = editor.getByRole('textbox', { name: /Name/ });
    expect(name).toHaveFocus();
    expect(editor.getByRole('textbox', { name: /Time zone/ })).toHaveValue('Europe/Zurich');
    await userEvent.clear(name);
    await userEvent.type(name, 'Daniel K. Mwangi');
    await userEvent.selectOptions(editor.getByRole('combobox', { name: 'Preferred language' }), 'fr');
    await userEvent.click(editor.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(updatePerson).toHaveBeenCalledTimes(1));
    expect(updatePerson).toHaveBeenCalledWith('p-owner', { name: 'Daniel K. Mwangi', locale: 'fr' }, 1);
    expect(
      await screen.findByText('Saved. SharePoint is busy, so this change will sync shortly.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('person-editor')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit Daniel Mwangi' })).toHaveFocus());
  });

  it('shows the server’s message beside the refused field in the user’s language and keeps the input', async () => {
    const updatePerson = vi.fn(() =>
      Promise.reject(
        problem(400, 'validation_failed', {
          errors: [
            {
              path: 'timeZone',
              code: 'custom',
              message: 'un fuseau horaire IANA est attendu, par exemple Europe/Zurich',
            },
          ],
        }),
      ),
    );
    renderInApp(<AdminPage />, { me: cto, api: fakeApi({ updatePerson }), lang: 'fr' });
    await userEvent.click(await screen.findByRole('button', { name: 'Modifier Daniel Mwangi' }));
    const editor = within(screen.getByRole('form', { name: 'Modifier Daniel Mwangi' }));
    const zone = editor.getByRole('textbox', { name: /Fuseau horaire/ });
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Mars/Olympus');
    await userEvent.click(editor.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(zone).toHaveAccessibleDescription(
        'un fuseau horaire IANA est attendu, par exemple Europe/Zurich',
      ),
    );
    expect(updatePerson).toHaveBeenCalledWith('p-owner', { timeZone: 'Mars/Olympus' }, 1);
    expect(zone).toHaveValue('Mars/Olympus');
    expect(editor.getByRole('textbox', { name: /Nom/ })).not.toHaveAccessibleDescription(/fuseau/);
  });

  it('a stale edit shows the current values next to mine; keeping mine saves my change over them', async () => {
    const current = { ...daniel, email: 'd.mwangi@itu.example', orgUnit: 'BDT' as const, version: 2 };
    const updatePerson = vi
      .fn<Endpoints['updatePerson']>()
      .mockRejectedValueOnce(problem(412, 'version_conflict', { current }))
      .mockResolvedValueOnce({ value: { ...current, name: 'Dan Mwangi', version: 3 }, version: 3 });
    renderInApp(<AdminPage />, { me: cto, api: fakeApi({ updatePerson }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Daniel Mwangi' }));
    const editor = within(screen.getByRole('form', { name: 'Edit Daniel Mwangi' }));
    const name = editor.getByRole('textbox', { name: /Name/ });
    await userEvent.clear(name);
    await userEvent.type(name, 'Dan Mwangi');
    await userEvent.click(editor.getByRole('button', { name: 'Save' }));

    const conflict = await screen.findByTestId('conflict');
    const row = (field: string) => conflict.querySelector(`[data-field="${field}"]`);
    expect(row('name')?.textContent).toContain('Dan Mwangi');
    expect(row('name')?.textContent).toContain('Daniel Mwangi');
    expect(row('email')?.textContent).toContain('d.mwangi@itu.example');
    expect(row('orgUnit')?.textContent).toContain('BDT');
    expect(row('timeZone')).toBeNull();
    expect(name).toHaveValue('Dan Mwangi');

    await userEvent.click(screen.getByRole('button', { name: 'Keep my values and save again' }));
    await waitFor(() => expect(updatePerson).toHaveBeenCalledTimes(2));
    expect(updatePerson).toHaveBeenLastCalledWith('p-owner', { name: 'Dan Mwangi' }, 2);
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
  });

  it('cancelling keeps nothing and returns focus to Edit', async () => {
    renderInApp(<AdminPage />, { me: cto });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Vera Viewer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('person-editor')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit Vera Viewer' })).toHaveFocus());
  });

  it('offers no edit controls to someone who is not the Transformation Office', () => {
    renderInApp(<AdminPage />, { me: meOf(PEOPLE.owner) });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Only the Transformation Office can administer the app.',
    );
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
