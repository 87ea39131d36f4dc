// The risk escalation card the CTO receives at once: the risk, why it escalated, and acknowledge /
// accept / reassign actions. After an action the card is rebuilt with the outcome and without the
// buttons already used (the card is updated in place). The actions carry the risk's version: a card
// acted on after the risk changed is answered with the risk as it stands (stale), nothing written.
// A closed risk offers no actions.
import type { Locale } from '../domain/locale.js';
import type { Risk } from '../domain/risk.js';
import { t } from '../i18n/translate.js';
import {
  adaptiveCard,
  execute,
  inert,
  openUrl,
  shortDate,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './digest-card-kit.js';
import { tabLink, type LinkTarget } from './links.js';
import { LEVEL_MARKS, MARK, marked } from './status-marks.js';
import { projectTitle, type LocalizedTitles } from '../domain/project.js';

export const ESCALATION_VERBS = {
  acknowledge: 'escalation.acknowledge',
  accept: 'escalation.accept',
  reassign: 'escalation.reassign',
} as const;

export interface EscalationOutcome {
  kind: 'acknowledged' | 'accepted' | 'reassigned';
  byName: string;
  at: string;
  ownerName?: string;
}

export interface EscalationCardView {
  locale: Locale;
  links: LinkTarget;
  risk: Pick<
    Risk,
    'id' | 'title' | 'score' | 'likelihood' | 'impact' | 'level' | 'status' | 'mitigation' | 'version'
  > & {
    escalation: Pick<NonNullable<Risk['escalation']>, 'reason' | 'acknowledgedAt'> | null;
  };
  project: { code: string; title: string; titles?: LocalizedTitles } | null;
  ownerName: string | null;
  escalatedByName: string;
  threshold: number;
  /** People the risk may be reassigned to (id, name); capped by the caller. */
  candidates: ReadonlyArray<{ id: string; name: string }>;
  outcomes?: readonly EscalationOutcome[];
  /** The card acted on was older than the risk: this is the current risk, nothing was changed. */
  stale?: boolean;
}

const OUTCOME_KEY = {
  acknowledged: 'escalation.acknowledged',
  accepted: 'escalation.accepted',
  reassigned: 'escalation.reassigned',
} as const;

export function buildEscalationCard(view: EscalationCardView): AdaptiveCard {
  const { locale, risk } = view;
  const reason =
    risk.escalation?.reason === 'threshold'
      ? t(locale, 'escalation.reason.threshold', { score: risk.score, threshold: view.threshold })
      : t(locale, 'escalation.reason.manual', { name: inert(view.escalatedByName) });
  const facts = [
    {
      title: t(locale, 'escalation.fact.project'),
      value: view.project
        ? `${view.project.code} ${inert(projectTitle(view.project, locale))}`
        : t(locale, 'digest.risks.portfolio_wide'),
    },
    {
      title: t(locale, 'escalation.fact.score'),
      value: t(locale, 'escalation.score', {
        score: risk.score,
        likelihood: risk.likelihood,
        impact: risk.impact,
      }),
    },
    {
      title: t(locale, 'escalation.fact.owner'),
      value: view.ownerName ? inert(view.ownerName) : t(locale, 'escalation.none'),
    },
    {
      title: t(locale, 'escalation.fact.mitigation'),
      value: risk.mitigation.trim()
        ? inert(risk.mitigation.replace(/\s+/g, ' ').slice(0, 300))
        : t(locale, 'escalation.none'),
    },
  ];
  const body: CardElement[] = [
    textBlock(marked(LEVEL_MARKS[risk.level], t(locale, 'escalation.title', { title: inert(risk.title) })), {
      size: 'Medium',
      weight: 'Bolder',
    }),
    textBlock(reason, { isSubtle: true, spacing: 'None' }),
    { type: 'FactSet', facts },
  ];
  if (view.stale) {
    body.push(textBlock(marked(MARK.notice, t(locale, 'escalation.stale')), { spacing: 'Small' }));
  }
  const outcomes = view.outcomes ?? [];
  for (const o of outcomes) {
    body.push(
      textBlock(
        marked(
          MARK.ok,
          t(locale, OUTCOME_KEY[o.kind], {
            name: inert(o.byName),
            date: shortDate(locale, o.at),
            owner: inert(o.ownerName ?? ''),
          }),
        ),
        { spacing: 'Small' },
      ),
    );
  }
  const done = new Set(outcomes.map((o) => o.kind));
  const data = { riskId: risk.id, version: risk.version };
  const actions: CardElement[] = [];
  const open = risk.status !== 'closed';
  if (
    open &&
    !done.has('acknowledged') &&
    !risk.escalation?.acknowledgedAt &&
    !done.has('accepted') &&
    !done.has('reassigned')
  ) {
    actions.push(execute(t(locale, 'escalation.action.acknowledge'), ESCALATION_VERBS.acknowledge, data));
  }
  if (open && !done.has('accepted'))
    actions.push(execute(t(locale, 'escalation.action.accept'), ESCALATION_VERBS.accept, data));
  if (open && view.candidates.length) {
    actions.push({
      type: 'Action.ShowCard',
      title: t(locale, 'escalation.action.reassign'),
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.ChoiceSet',
            id: 'ownerId',
            label: t(locale, 'escalation.reassign_label'),
            isRequired: true,
            errorMessage: t(locale, 'escalation.reassign_required'),
            choices: view.candidates.map((c) => ({ title: c.name, value: c.id })),
          },
        ],
        actions: [
          execute(t(locale, 'escalation.action.reassign_confirm'), ESCALATION_VERBS.reassign, data, {
            associatedInputs: 'auto',
          }),
        ],
      },
    });
  }
  actions.push(
    openUrl(
      t(locale, 'escalation.action.open'),
      tabLink(view.links, view.project ? `risks?project=${view.project.code}` : 'risks'),
    ),
  );
  return adaptiveCard(locale, body, actions);
}
