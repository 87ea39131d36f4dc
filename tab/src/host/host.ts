// Where the tab runs: inside Teams (teams-js: context, theme, SSO token, config page) or in a plain
// browser during development. Screens use this interface only, so tests pass a fake host.
export type ThemeName = 'default' | 'dark' | 'contrast';

export interface HostInfo {
  inTeams: boolean;
  /** BCP 47 tag from Teams (app.locale) or the browser. */
  locale: string;
  theme: ThemeName;
  /** Deep-link route (context.page.subPageId), e.g. "projects/AI-02". */
  subPageId?: string;
  /** "content", "settings" (configuration page), ... */
  frameContext?: string;
  /** Entra tenant and sign-in name from the Teams context (for the consent flow). */
  tenantId?: string;
  loginHint?: string;
}

export interface TabConfig {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

export interface Host {
  readonly info: HostInfo;
  /** Teams SSO token (teams-js caches it); undefined outside Teams. */
  getToken(): Promise<string | undefined>;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** Opens the consent window (authentication.authenticate) at the given URL. */
  authenticate(url: string): Promise<void>;
  /** Configuration page: enables Save and stores the tab's settings when the user saves. */
  configure(valid: boolean, config: TabConfig | undefined): void;
}

export function toThemeName(theme: string | undefined): ThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'default';
}

/** The host of a plain browser tab (local development). */
export function browserHost(info: Partial<HostInfo> = {}): Host {
  return {
    info: {
      inTeams: false,
      locale: info.locale ?? (typeof navigator === 'undefined' ? 'en' : navigator.language),
      theme: info.theme ?? 'default',
      subPageId: info.subPageId,
      frameContext: info.frameContext,
    },
    getToken: () => Promise.resolve(undefined),
    onThemeChange: () => undefined,
    authenticate: () => Promise.resolve(),
    configure: () => undefined,
  };
}
