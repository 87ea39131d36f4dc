import { browserHost, type Host } from './host.js';

function framed(): boolean {
  try {
    return window.self !== window.top || window.opener != null;
  } catch {
    return true;
  }
}

/** Teams when framed (teams-js is loaded only then), the browser otherwise. */
export async function detectHost(): Promise<Host> {
  if (!framed()) return browserHost();
  const { teamsHost } = await import('./teams-host.js');
  return teamsHost();
}
