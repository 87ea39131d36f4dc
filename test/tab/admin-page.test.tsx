// Administration: the unreachable-people list (with its empty state, and a server without the
// route), and the settings form's localised field messages.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import AdminPage from '../../tab/src/pages/admin-page.js';
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
});
