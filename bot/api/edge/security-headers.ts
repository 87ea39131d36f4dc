// Response headers every answer carries, and the Content-Security-Policy of the tab's pages. The tab
// runs inside Teams, Outlook and the Microsoft 365 app: frame-ancestors lists exactly the hosts of
// Microsoft's tab requirements (PLATFORM-FACTS D6) plus the app itself; scripts come only from the
// app (no inline script). On a loopback PUBLIC_URL (local modes) local pages such as the Agents
// Playground may frame it too.
import { isLoopbackHost } from '../../config.js';

/** Microsoft 365 hosts that embed tabs (learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements). */
export const TAB_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

const LOCAL_FRAME_ANCESTORS = ['http://localhost:*', 'http://127.0.0.1:*'];

function isLocal(publicUrl: string): boolean {
  try {
    return isLoopbackHost(new URL(publicUrl).hostname);
  } catch {
    return false;
  }
}

/** The tab's Content-Security-Policy for this deployment. */
export function tabContentSecurityPolicy(publicUrl: string): string {
  const ancestors = ["'self'", ...TAB_FRAME_ANCESTORS, ...(isLocal(publicUrl) ? LOCAL_FRAME_ANCESTORS : [])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Fluent UI (Griffel) inserts its atomic CSS rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
}

/** Headers for every response. HSTS only when the app is served over https. */
export function commonSecurityHeaders(publicUrl: string): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(publicUrl.startsWith('https://') ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}

/** Headers for an HTML page of the tab. */
export function tabPageHeaders(publicUrl: string): Record<string, string> {
  return { 'Content-Security-Policy': tabContentSecurityPolicy(publicUrl) };
}
