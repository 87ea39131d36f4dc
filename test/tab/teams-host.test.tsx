// The app inside Teams: the theme follows the Teams theme handler live, the language follows the
// Teams locale (Arabic right to left), a card's deep link (subPageId) opens its route, the SSO
// token goes to the API, consent_required offers the consent flow, and the configuration page
// hands Teams the channel tab's settings.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../tab/src/api/client.js';
import { endpoints } from '../../tab/src/api/endpoints.js';
import { App } from '../../tab/src/app.js';
import type { Host, HostInfo, TabConfig, ThemeName } from '../../tab/src/host/host.js';
import ConfigPage from '../../tab/src/pages/config-page.js';
import { AppContext } from '../../tab/src/context.js';
import { fakeApi, meOf, PEOPLE, problem } from './helpers.js';

function teamsHost(info: Partial<HostInfo> = {}) {
  let themeHandler: ((t: ThemeName) => void) | undefined;
  const host: Host & { setTheme: (t: ThemeName) => void } = {
    info: { inTeams: true, locale: 'en-US', theme: 'default', ...info },
    getToken: vi.fn(() => Promise.resolve('sso-token')),
    onThemeChange: (h) => {
      themeHandler = h;
    },
    authenticate: vi.fn(() => Promise.resolve()),
    configure: vi.fn(),
    setTheme: (t) => themeHandler?.(t),
  };
  return host;
}

const emptyWork = () => Promise.resolve({ projects: [], updatesDue: [], risks: [], milestonesDue: [] });

describe('in Teams', () => {
  it('switches the theme live when Teams changes it, and shows no development identity', async () => {
    window.location.hash = '#/my-work';
    const host = teamsHost({ theme: 'dark' });
    const api = fakeApi({
      me: () => Promise.resolve({ ...meOf(PEOPLE.owner), authMode: 'entra' }),
      myWork: emptyWork,
      projects: () => Promise.resolve([]),
    });
    const { container } = render(<App host={host} api={api} />);
    await screen.findByRole('tab', { name: 'My work' });
    const provider = () => container.querySelector('.fui-FluentProvider');
    expect(provider()).toHaveAttribute('data-theme', 'dark');
    host.setTheme('contrast');
    await waitFor(() => expect(provider()).toHaveAttribute('data-theme', 'contrast'));
    expect(screen.queryByTestId('dev-bar')).not.toBeInTheDocument();
  });

  it('follows the Teams locale: Arabic is right to left', async () => {
    window.location.hash = '#/my-work';
    const api = fakeApi({
      me: () => Promise.resolve(meOf(PEOPLE.owner)),
      myWork: emptyWork,
      projects: () => Promise.resolve([]),
    });
    const { container } = render(<App host={teamsHost({ locale: 'ar-SA' })} api={api} />);
    await screen.findByRole('tab', { name: 'عملي' });
    expect(container.querySelector('.fui-FluentProvider')).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
  });

  it('opens the route of a deep link (subPageId)', async () => {
    window.location.hash = '';
    const api = fakeApi({ me: () => Promise.resolve(meOf(PEOPLE.cto)) });
    render(<App host={teamsHost({ subPageId: 'admin/unreachable' })} api={api} />);
    await waitFor(() => expect(window.location.hash).toBe('#/admin/unreachable'));
  });

  it('sends the SSO token as a bearer token', async () => {
    const seen: Array<Record<string, string>> = [];
    const host = teamsHost();
    const client = new ApiClient({
      language: () => 'en',
      authHeaders: async () => ({ authorization: `Bearer ${await host.getToken()}` }),
      fetch: (_input, init) => {
        seen.push(init?.headers as Record<string, string>);
        return Promise.resolve(
          new Response(JSON.stringify({ ...meOf(PEOPLE.owner), authMode: 'entra' }), { status: 200 }),
        );
      },
    });
    await endpoints(client).me();
    expect(seen[0]?.authorization).toBe('Bearer sso-token');
  });

  it('offers consent when the server answers consent_required, then retries', async () => {
    window.location.hash = '#/my-work';
    const host = teamsHost();
    const me = vi
      .fn()
      .mockRejectedValueOnce(
        problem(403, 'consent_required', {
          type: 'https://transformation-hub.itu.int/problems/consent_required',
        }),
      )
      .mockResolvedValue(meOf(PEOPLE.owner));
    render(<App host={host} api={fakeApi({ me, myWork: emptyWork, projects: () => Promise.resolve([]) })} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Give consent' }));
    // Without a tenant in the Teams context the page cannot name one: it is opened bare.
    expect(host.authenticate).toHaveBeenCalledWith('/auth/consent');
    await screen.findByRole('tab', { name: 'My work' });
  });

  it('opens the consent page with the tenant, the client id from the SSO token and the scopes the server named', async () => {
    window.location.hash = '#/my-work';
    const tenant = '11111111-1111-4111-8111-111111111111';
    const client = '22222222-2222-4222-8222-222222222222';
    const host = teamsHost({ tenantId: tenant, loginHint: 'daniel@itu.example' });
    const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');
    host.getToken = vi.fn(() =>
      Promise.resolve(`${b64({ alg: 'RS256' })}.${b64({ aud: `api://hub.example.org/${client}` })}.sig`),
    );
    const me = vi
      .fn()
      .mockRejectedValueOnce(
        problem(403, 'consent_required', {
          type: 'https://transformation-hub.itu.int/problems/consent_required',
          scopes: ['https://graph.microsoft.com/User.Read'],
        }),
      )
      .mockResolvedValue(meOf(PEOPLE.owner));
    render(<App host={host} api={fakeApi({ me, myWork: emptyWork, projects: () => Promise.resolve([]) })} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Give consent' }));
    const [url] = (host.authenticate as ReturnType<typeof vi.fn>).mock.calls[0] as [string];
    const [path, query] = url.split('?');
    expect(path).toBe('/auth/consent');
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      tenant,
      client,
      scope: 'https://graph.microsoft.com/User.Read',
      hint: 'daniel@itu.example',
    });
    await screen.findByRole('tab', { name: 'My work' });
  });

  it('a channel tab keeps its pillar when the user comes back to the portfolio', async () => {
    window.location.hash = '#/portfolio?pillar=GOV';
    const api = fakeApi({
      me: () => Promise.resolve(meOf(PEOPLE.owner)),
      myWork: emptyWork,
      projects: () => Promise.resolve([]),
      summary: () => new Promise(() => undefined),
    });
    render(<App host={teamsHost()} api={api} />);
    await screen.findByRole('tab', { name: 'Portfolio' });
    window.location.hash = '#/my-work';
    await screen.findByRole('heading', { name: /My work/ });
    await userEvent.click(screen.getByRole('tab', { name: 'Portfolio' }));
    await waitFor(() => expect(window.location.hash).toBe('#/portfolio?pillar=GOV'));
  });

  it('the configuration page hands Teams the pillar-filtered portfolio as the content URL', async () => {
    const host = teamsHost({ frameContext: 'settings' });
    render(
      <AppContext.Provider
        value={{ api: fakeApi({}), me: meOf(PEOPLE.owner), host, consent: () => Promise.resolve() }}
      >
        <ConfigPage />
      </AppContext.Provider>,
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Governance' }));
    const calls = (host.configure as ReturnType<typeof vi.fn>).mock.calls as Array<
      [boolean, TabConfig | undefined]
    >;
    expect(calls[0]).toEqual([false, undefined]);
    const [valid, config] = calls[calls.length - 1]!;
    expect(valid).toBe(true);
    expect(config).toMatchObject({
      entityId: 'portfolio-GOV',
      contentUrl: `${window.location.origin}/#/portfolio?pillar=GOV`,
      suggestedDisplayName: 'Governance',
    });
  });
});
