// The shell: theme and direction, the signed-in person, navigation and the page of the route.
import {
  FluentProvider,
  makeStyles,
  Tab,
  TabList,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiClient } from './api/client.js';
import { endpoints, type Endpoints } from './api/endpoints.js';
import { ApiError, asApiError } from './api/problem.js';
import { clientIdFromToken, consentPageUrl } from './auth/consent.js';
import { DevBar } from './components/dev-bar.js';
import { ErrorView } from './components/error-view.js';
import { Loading } from './components/loading.js';
import { NoticesBar } from './components/notices-bar.js';
import { AppContext, useApp, type AppContextValue } from './context.js';
import type { Host, ThemeName } from './host/host.js';
import { I18nContext, useI18n, useLanguage } from './i18n/index.js';
import { readPref, readThemePref, writePref } from './preferences.js';
import { navigate, parseRoute, useRoute, type Route } from './router.js';
import type { Me } from '../../bot/domain/views.js';

const MyWorkPage = lazy(() => import('./pages/my-work-page.js'));
const PortfolioPage = lazy(() => import('./pages/portfolio-page.js'));
const ProjectPage = lazy(() => import('./pages/project-page.js'));
const RisksPage = lazy(() => import('./pages/risks-page.js'));
const AdminPage = lazy(() => import('./pages/admin-page.js'));
const ConfigPage = lazy(() => import('./pages/config-page.js'));

const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/**
 * Consent page of the on-behalf-of flow (opened with authentication.authenticate when the API answers
 * consent_required); set VITE_CONSENT_URL at build time to use another page.
 */
export const CONSENT_URL: string =
  (import.meta.env.VITE_CONSENT_URL as string | undefined) ?? '/auth/consent';

/** The app registration's client id; by default read from the audience of the tab's SSO token. */
const ENTRA_CLIENT_ID = import.meta.env.VITE_ENTRA_CLIENT_ID as string | undefined;

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    paddingInline: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBlockEndWidth: tokens.strokeWidthThin,
    borderBlockEndStyle: 'solid',
    borderBlockEndColor: tokens.colorNeutralStroke2,
  },
  brand: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
  main: {
    paddingInline: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalL,
    maxWidth: '1400px',
    marginInline: 'auto',
  },
  skip: {
    position: 'absolute',
    insetInlineStart: '-10000px',
    ':focus': {
      insetInlineStart: tokens.spacingHorizontalS,
      zIndex: 10,
      backgroundColor: tokens.colorNeutralBackground1,
    },
  },
});

type NavValue = 'my-work' | 'portfolio' | 'risks' | 'admin';

const NAV_ROUTES: Record<NavValue, Route> = {
  'my-work': { name: 'my-work' },
  portfolio: { name: 'portfolio' },
  risks: { name: 'risks' },
  admin: { name: 'admin' },
};

function navOf(route: Route): NavValue | undefined {
  switch (route.name) {
    case 'my-work':
      return 'my-work';
    case 'portfolio':
    case 'project':
      return 'portfolio';
    case 'risks':
      return 'risks';
    case 'admin':
      return 'admin';
    default:
      return undefined;
  }
}

/** The language the app opens in, before the person is known (main.tsx loads its catalogue first). */
export function initialLanguageTag(host: Host): string | undefined {
  return (host.info.inTeams ? undefined : readPref('lang')) ?? host.info.locale;
}

export interface AppProps {
  host: Host;
  /** Tests inject the endpoints; the app builds them from the host otherwise. */
  api?: Endpoints;
}

export function App({ host, api: injected }: AppProps) {
  const [theme, setTheme] = useState<ThemeName>(() =>
    host.info.inTeams ? host.info.theme : (readThemePref() ?? host.info.theme),
  );
  const [langOverride, setLangOverride] = useState<string | undefined>(() =>
    host.info.inTeams ? undefined : readPref('lang'),
  );
  const [devUser, setDevUser] = useState<string | undefined>(() =>
    host.info.inTeams ? undefined : readPref('as'),
  );
  const [me, setMe] = useState<Me | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => host.onThemeChange(setTheme), [host]);

  // A deep link from a card arrives as the subPageId; open that route once.
  useEffect(() => {
    const sub = host.info.subPageId;
    if (sub && parseRoute(`#/${sub}`).name !== 'not-found') navigate(`#/${sub.replace(/^\/+/, '')}`);
  }, [host]);

  const languageTag =
    langOverride ?? (host.info.inTeams ? host.info.locale : (me?.person.locale ?? host.info.locale));
  const i18n = useLanguage(languageTag);

  const api = useMemo<Endpoints>(() => {
    if (injected) return injected;
    return endpoints(
      new ApiClient({
        language: () => i18n.locale,
        authHeaders: async (): Promise<Record<string, string>> => {
          if (host.info.inTeams) {
            const token = await host.getToken();
            return token ? { authorization: `Bearer ${token}` } : {};
          }
          return devUser ? { 'x-dev-user': devUser } : {};
        },
      }),
    );
    // The language is read per call; rebuilding on persona change resets caches for the new person.
  }, [injected, host, devUser, i18n]);

  useEffect(() => {
    let live = true;
    setError(undefined);
    api.me().then(
      (value) => live && setMe(value),
      (e: unknown) => live && setError(asApiError(e, '')),
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  useEffect(() => {
    document.documentElement.lang = i18n.locale;
    document.documentElement.dir = i18n.dir;
    document.title = i18n.t('app.title');
  }, [i18n]);

  const consent = useCallback(
    async (scopes?: readonly string[]) => {
      const clientId = ENTRA_CLIENT_ID ?? clientIdFromToken(await host.getToken());
      const url =
        host.info.tenantId && clientId
          ? consentPageUrl(CONSENT_URL, {
              tenantId: host.info.tenantId,
              clientId,
              scopes: scopes?.length ? scopes : ['openid', 'profile'],
              loginHint: host.info.loginHint,
            })
          : CONSENT_URL;
      try {
        await host.authenticate(url);
      } catch {
        // Declined or the window closed: the reload below shows the consent request again.
      }
      setAttempt((n) => n + 1);
    },
    [host],
  );

  // A channel tab opens on #/portfolio?pillar=<code>: the portfolio links keep that pillar.
  const [homePillar] = useState(() => {
    const first = parseRoute(window.location.hash);
    return first.name === 'portfolio' ? first.pillar : undefined;
  });
  const context = useMemo<AppContextValue | undefined>(
    () => (me ? { api, me, host, consent, homePillar } : undefined),
    [api, me, host, consent, homePillar],
  );

  return (
    // Styles are computed inside the provider (Griffel picks the direction from it), hence the
    // inline root style and the Pending component.
    <FluentProvider
      theme={THEMES[theme]}
      dir={i18n.dir}
      data-theme={theme}
      style={{
        minHeight: '100vh',
        backgroundColor: tokens.colorNeutralBackground2,
        color: tokens.colorNeutralForeground1,
      }}
    >
      <I18nContext.Provider value={i18n}>
        {context ? (
          <AppContext.Provider value={context}>
            <Shell
              onPersona={(id) => {
                writePref('as', id);
                setDevUser(id);
              }}
              onLanguage={(tag) => {
                writePref('lang', tag);
                setLangOverride(tag);
              }}
              theme={theme}
              onTheme={(name) => {
                writePref('theme', name);
                setTheme(name);
              }}
            />
          </AppContext.Provider>
        ) : (
          <Pending
            error={error}
            inTeams={host.info.inTeams}
            onRetry={() => setAttempt((n) => n + 1)}
            onConsent={consent}
          />
        )}
      </I18nContext.Provider>
    </FluentProvider>
  );
}

function Pending(props: {
  error?: ApiError;
  inTeams: boolean;
  onRetry: () => void;
  onConsent: (scopes?: readonly string[]) => Promise<void>;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { error } = props;
  return (
    <main className={styles.main}>
      {!error ? (
        <Loading />
      ) : error.status === 401 && !props.inTeams ? (
        <ErrorView error={new ApiError({ ...error.problem, detail: t('error.outsideTeams') })} />
      ) : (
        <ErrorView error={error} onRetry={props.onRetry} onConsent={props.onConsent} />
      )}
    </main>
  );
}

interface ShellProps {
  onPersona: (id: string) => void;
  onLanguage: (tag: string) => void;
  theme: ThemeName;
  onTheme: (theme: ThemeName) => void;
}

function Shell({ onPersona, onLanguage, theme, onTheme }: ShellProps) {
  const styles = useStyles();
  const route = useRoute();
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const showDevBar = app.me.authMode === 'dev' && !app.host.info.inTeams;
  const selected = navOf(route);
  if (route.name === 'config') {
    return (
      <main id="main" className={styles.main}>
        <Suspense fallback={<Loading />}>
          <ConfigPage />
        </Suspense>
      </main>
    );
  }
  return (
    <>
      <a
        href="#main"
        className={styles.skip}
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      {showDevBar ? (
        <DevBar theme={theme} onTheme={onTheme} onLanguage={onLanguage} onPersona={onPersona} />
      ) : null}
      <header className={styles.header}>
        <p className={styles.brand}>{t('app.title')}</p>
        <nav aria-label={t('nav.label')}>
          <TabList
            selectedValue={selected ?? null}
            onTabSelect={(_, data) => {
              const value = data.value as NavValue;
              navigate(
                value === 'portfolio' ? { name: 'portfolio', pillar: app.homePillar } : NAV_ROUTES[value],
              );
            }}
          >
            <Tab value="my-work">{t('nav.myWork')}</Tab>
            <Tab value="portfolio">{t('nav.portfolio')}</Tab>
            <Tab value="risks">{t('nav.risks')}</Tab>
            {app.me.canAdminister ? <Tab value="admin">{t('nav.admin')}</Tab> : null}
          </TabList>
        </nav>
      </header>
      <NoticesBar />
      <main id="main" tabIndex={-1} className={styles.main}>
        <Suspense fallback={<Loading />}>
          <Page route={route} />
        </Suspense>
      </main>
    </>
  );
}

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.name) {
    case 'my-work':
      return <MyWorkPage />;
    case 'portfolio':
      return <PortfolioPage pillar={route.pillar} />;
    case 'project':
      return <ProjectPage code={route.code} tab={route.tab} />;
    case 'risks':
      return <RisksPage project={route.project} />;
    case 'admin':
      return <AdminPage section={route.section} />;
    case 'config':
      return <ConfigPage />;
    case 'not-found':
      return <p role="alert">{t('error.notFound')}</p>;
  }
}
