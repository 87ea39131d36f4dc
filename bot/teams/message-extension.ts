// The search message extension "Find project / risk" (manifest command `findItems`, parameter
// `query`, initialRun) and link unfurling of the tab's project URLs. Searching is the search
// service's job; this file turns invokes into service calls and results into result cards.
//
// Link unfurling accepts the tab's own addresses only: `<PUBLIC_URL>/#/projects/<code>` and the Teams
// deep link `https://teams.microsoft.com/l/entity/<TEAMS_APP_ID>/<tab>?context={"subEntityId":"projects/<code>"}`
// (bot/cards/links.ts makes both). Any other URL gets an empty result: Teams then shows no card.
import { randomUUID } from 'node:crypto';
import { isAppError } from '../domain/errors.js';
import { PILLARS } from '../domain/pillar.js';
import { extensionTarget, projectCodeFromUrl } from '../cards/extension-links.js';
import { projectResult, riskResult, type ExtensionAttachment } from '../cards/extension-cards.js';
import { tabLink, type LinkTarget } from '../cards/links.js';
import type { MessageKey } from '../i18n/translate.js';
import type { Logger } from '../platform/logger.js';
import type { RequestContext } from '../services/context.js';
import { MAX_RESULTS_PER_PAGE, type SearchHit } from '../services/search-service.js';
import type { Services } from '../services/services.js';
import type { BotTurn, MessageExtensionHandler } from './extensions.js';
import { projectTitle } from '../domain/project.js';

export const SEARCH_COMMAND_ID = 'findItems';
export const SEARCH_PARAMETER = 'query';

export interface MessageExtensionDeps {
  services: Services;
  links: LinkTarget;
  logger: Logger;
}

type ComposeResult = Record<string, unknown>;

function resultList(attachments: ExtensionAttachment[]): ComposeResult {
  return { type: 'result', attachmentLayout: 'list', attachments };
}

function contextOf(turn: BotTurn): RequestContext {
  const id = turn.context.activity.id;
  return {
    actor: turn.actor,
    surface: 'bot',
    correlationId: typeof id === 'string' && /^[\w.:-]{1,100}$/.test(id) ? id : randomUUID(),
    locale: turn.locale,
  };
}

function pillarName(code: string, turn: BotTurn): string {
  return PILLARS.find((p) => p.code === code)?.name[turn.locale] ?? code;
}

export class MessageExtension implements MessageExtensionHandler {
  constructor(private readonly deps: MessageExtensionDeps) {}

  private attachment(hit: SearchHit, turn: BotTurn): ExtensionAttachment {
    if (hit.kind === 'project') {
      const { project } = hit.overview;
      return projectResult(
        {
          code: project.code,
          title: projectTitle(project, turn.locale),
          pillarName: pillarName(project.pillar, turn),
          phase: project.phase,
          health: hit.overview.health,
          percentComplete: hit.overview.percentComplete,
          daysSinceUpdate: hit.overview.daysSinceUpdate,
          ownerName: hit.owner?.name,
          openRisks: hit.overview.openRisks,
          url: tabLink(this.deps.links, `projects/${encodeURIComponent(project.code)}`),
        },
        turn.t,
        turn.locale,
      );
    }
    const { risk, project } = hit;
    return riskResult(
      {
        title: risk.title,
        projectCode: project?.code,
        projectTitle: project ? projectTitle(project, turn.locale) : undefined,
        score: risk.score,
        level: risk.level,
        status: risk.status,
        ownerName: hit.owner?.name,
        url: tabLink(
          this.deps.links,
          project ? `risks?project=${encodeURIComponent(project.code)}` : 'risks',
        ),
      },
      turn.t,
      turn.locale,
    );
  }

  /** A refusal or outage as a message in the user's language (never an error's own text). */
  private failure(turn: BotTurn, error: unknown): ComposeResult {
    if (!isAppError(error)) this.deps.logger.error({ err: error }, 'message extension failed');
    else this.deps.logger.warn({ code: error.code }, 'message extension refused');
    const key: MessageKey =
      isAppError(error) && error.code === 'forbidden'
        ? 'errors.forbidden'
        : isAppError(error) && (error.code === 'unavailable' || error.code === 'throttled')
          ? 'errors.unavailable'
          : 'errors.internal';
    return { type: 'message', text: turn.t(key, { correlationId: contextOf(turn).correlationId }) };
  }

  async query(
    turn: BotTurn,
    query: { commandId: string; parameters: { name: string; value: unknown }[]; skip: number; count: number },
  ): Promise<ComposeResult> {
    if (query.commandId !== SEARCH_COMMAND_ID) return resultList([]);
    const parameter =
      query.parameters.find((p) => p.name === SEARCH_PARAMETER) ??
      query.parameters.find((p) => p.name !== 'initialRun');
    const text = typeof parameter?.value === 'string' ? parameter.value : '';
    const skip = Number.isSafeInteger(query.skip) && query.skip > 0 ? query.skip : 0;
    const count =
      Number.isSafeInteger(query.count) && query.count > 0
        ? Math.min(query.count, MAX_RESULTS_PER_PAGE)
        : MAX_RESULTS_PER_PAGE;
    try {
      const result = await this.deps.services.search.search(contextOf(turn), { text, skip, count });
      return resultList(result.hits.map((hit) => this.attachment(hit, turn)));
    } catch (error) {
      return this.failure(turn, error);
    }
  }

  async queryLink(turn: BotTurn, url: string): Promise<ComposeResult> {
    const code = projectCodeFromUrl(url, extensionTarget(this.deps.links));
    if (!code) return resultList([]);
    try {
      const hit = await this.deps.services.search.project(contextOf(turn), code);
      return resultList(hit ? [this.attachment(hit, turn)] : []);
    } catch (error) {
      return this.failure(turn, error);
    }
  }
}
