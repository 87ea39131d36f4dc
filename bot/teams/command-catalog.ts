// The bot's commands: one list that the command router (bot/teams) implements and the app manifest's
// commandLists (manifest/) are checked against when packaging. English keywords here; the router also
// accepts the equivalents in the other five official languages from bot/i18n.
export type CommandScope = 'personal' | 'team' | 'groupChat';

export interface CommandSpec {
  /** Stable identifier used by the router and by manifest checks. */
  id: string;
  /** English keyword as typed (and as shown in the Teams command menu). */
  keyword: string;
  /** Argument hint for help text, e.g. "[project]". */
  args: string;
  /** Only for people with the cto role. */
  ctoOnly: boolean;
  scopes: readonly CommandScope[];
}

const ALL: readonly CommandScope[] = ['personal', 'team', 'groupChat'];
const PERSONAL: readonly CommandScope[] = ['personal'];

export const BOT_COMMANDS: readonly CommandSpec[] = [
  { id: 'help', keyword: 'help', args: '', ctoOnly: false, scopes: ALL },
  { id: 'projects', keyword: 'projects', args: '', ctoOnly: false, scopes: ALL },
  { id: 'update', keyword: 'update', args: '[project]', ctoOnly: false, scopes: ALL },
  { id: 'risk', keyword: 'risk', args: '[project]', ctoOnly: false, scopes: ALL },
  { id: 'risks', keyword: 'risks', args: '[project]', ctoOnly: false, scopes: ALL },
  { id: 'status', keyword: 'status', args: '<project>', ctoOnly: false, scopes: ALL },
  { id: 'portfolio', keyword: 'portfolio', args: '', ctoOnly: false, scopes: ALL },
  { id: 'digest', keyword: 'digest', args: '[send]', ctoOnly: false, scopes: PERSONAL },
  { id: 'subscribe', keyword: 'subscribe digest', args: '', ctoOnly: false, scopes: PERSONAL },
  { id: 'unsubscribe', keyword: 'unsubscribe digest', args: '', ctoOnly: false, scopes: PERSONAL },
  { id: 'away', keyword: 'away', args: '[period]', ctoOnly: false, scopes: PERSONAL },
  { id: 'unreachable', keyword: 'unreachable', args: '', ctoOnly: true, scopes: PERSONAL },
  { id: 'language', keyword: 'language', args: '<code>', ctoOnly: false, scopes: ALL },
];
