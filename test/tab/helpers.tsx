// Renders tab components with the app's providers and a fake API, as the app would.
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { Person } from '../../bot/domain/person.js';
import type { Project } from '../../bot/domain/project.js';
import type { Me } from '../../bot/domain/views.js';
import type { Endpoints } from '../../tab/src/api/endpoints.js';
import { ApiError, type Problem } from '../../tab/src/api/problem.js';
import { AppContext } from '../../tab/src/context.js';
import { browserHost } from '../../tab/src/host/host.js';
import { I18nContext, makeI18n } from '../../tab/src/i18n/index.js';

const AT = '2026-11-20T10:00:00.000Z';

export function person(id: string, role: Person['role'], name = id): Person {
  return {
    id,
    name,
    role,
    email: `${id}@itu.example`,
    orgUnit: 'IS',
    aadObjectId: null,
    locale: 'en',
    timeZone: 'Europe/Zurich',
    active: true,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
  };
}

export const PEOPLE = {
  cto: person('p-cto', 'cto', 'Nadia Rahimi'),
  owner: person('p-owner', 'owner', 'Daniel Mwangi'),
  changemaker: person('p-changemaker', 'changemaker', 'Chris Maker'),
  viewer: person('p-viewer', 'viewer', 'Vera Viewer'),
};

export function meOf(p: Person): Me {
  return {
    person: p,
    guest: false,
    canAdminister: p.role === 'cto',
    authMode: 'dev',
    currentPeriod: '2026-W48',
    orgTimeZone: 'Europe/Zurich',
  };
}

export function project(overrides: Partial<Project> = {}): Project {
  return {
    id: 'prj-ai-02',
    code: 'AI-02',
    title: 'AI digital transformation',
    kind: 'accelerated-initiative',
    pillar: 'SPT',
    orgUnit: 'IS',
    ownerId: 'p-owner',
    leadIds: [],
    sponsorId: null,
    phase: 'executing',
    startDate: '2025-10-25',
    dueDate: '2027-07-27',
    budgetChf: 420000,
    spendChf: 265000,
    description: 'Adopt AI across ITU.',
    dependencies: [],
    memberIds: [],
    version: 3,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function problem(status: number, code: string, extra: Partial<Problem> = {}): ApiError {
  return new ApiError({
    type: `https://transformation-hub.itu.int/problems/${code}`,
    title: 'x',
    status,
    code,
    detail: extra.detail ?? `detail of ${code}`,
    correlationId: 'corr-1',
    ...extra,
  });
}

/** A fake API: each test supplies the operations it uses; any other call fails the test loudly. */
export function fakeApi(ops: Partial<Endpoints>): Endpoints {
  return new Proxy(ops, {
    get(target, prop: string) {
      const op = (target as Record<string, unknown>)[prop];
      if (op) return op;
      if (prop === 'roster') return () => Promise.resolve(Object.values(PEOPLE));
      return () => Promise.reject(new Error(`unexpected API call: ${prop}`));
    },
  }) as Endpoints;
}

export function renderInApp(
  ui: ReactElement,
  options: { me?: Me; api?: Endpoints; lang?: string } = {},
): RenderResult {
  const i18n = makeI18n(options.lang ?? 'en');
  const me = options.me ?? meOf(PEOPLE.owner);
  const app = {
    api: options.api ?? fakeApi({}),
    me,
    host: browserHost(),
    consent: () => Promise.resolve(),
  };
  // A wrapper (not a wrapping element), so that rerender() keeps the providers.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <FluentProvider theme={teamsLightTheme} dir={i18n.dir}>
      <I18nContext.Provider value={i18n}>
        <AppContext.Provider value={app}>{children}</AppContext.Provider>
      </I18nContext.Provider>
    </FluentProvider>
  );
  return render(ui, { wrapper });
}
