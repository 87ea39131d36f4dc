// The Teams host, through @microsoft/teams-js v2. Loaded (a separate chunk) only when the page is
// framed, as Teams always frames a tab: a plain browser neither downloads teams-js nor waits for a
// handshake that will not come.
import { app, authentication, pages } from '@microsoft/teams-js';
import { browserHost, toThemeName, type Host, type TabConfig } from './host.js';

const INIT_TIMEOUT_MS = 4000;

/** Initialises teams-js; falls back to the browser host when Teams does not answer. */
export async function teamsHost(): Promise<Host> {
  try {
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('teams-js timeout')), INIT_TIMEOUT_MS)),
    ]);
  } catch {
    return browserHost();
  }
  const context = await app.getContext();
  let config: TabConfig | undefined;
  let saveRegistered = false;
  return {
    info: {
      inTeams: true,
      locale: context.app.locale,
      theme: toThemeName(context.app.theme),
      subPageId: context.page.subPageId || undefined,
      frameContext: context.page.frameContext,
      tenantId: context.user?.tenant?.id,
      loginHint: context.user?.loginHint,
    },
    getToken: () => authentication.getAuthToken(),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((t) => handler(toThemeName(t))),
    authenticate: async (url) => {
      await authentication.authenticate({ url, width: 600, height: 535 });
    },
    configure: (valid, next) => {
      config = next;
      if (!saveRegistered) {
        saveRegistered = true;
        pages.config.registerOnSaveHandler((event) => {
          if (!config) {
            event.notifyFailure('no pillar chosen');
            return;
          }
          pages.config.setConfig(config).then(
            () => event.notifySuccess(),
            (e: unknown) => event.notifyFailure(e instanceof Error ? e.message : 'setConfig failed'),
          );
        });
      }
      pages.config.setValidityState(valid);
    },
  };
}
