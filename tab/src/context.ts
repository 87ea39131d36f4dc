// What every screen needs: the API, the signed-in person and the host.
import { createContext, useContext } from 'react';
import type { Endpoints } from './api/endpoints.js';
import type { Host } from './host/host.js';
import type { Me } from '../../bot/domain/views.js';

export interface AppContextValue {
  api: Endpoints;
  me: Me;
  host: Host;
  /** Opens the consent flow (entra mode) for the scopes the server named, then reloads the data. */
  consent: (scopes?: readonly string[]) => Promise<void>;
  /** The pillar a channel tab was configured for (its first route): Portfolio links keep it. */
  homePillar?: string;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
