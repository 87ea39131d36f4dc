// Raising a risk: the form, the review shown when the risk would escalate to the CTO (Adaptive Cards
// cannot compute while typing, so the score and level are computed on submit and shown before the
// risk is stored), and the read-only card it turns into.
import type { Locale } from '../domain/locale.js';
import {
  RISK_CATEGORIES,
  RISK_STRATEGIES,
  riskLevel,
  type Rating,
  type Risk,
  type RiskCategory,
  type RiskStrategy,
} from '../domain/risk.js';
import { translator } from '../i18n/translate.js';
import {
  card,
  choice,
  container,
  execute,
  heading,
  inputValue,
  note,
  openUrl,
  plain,
  type AdaptiveCardJson,
  type CardElement,
} from './card-kit.js';
import { tabLink, type LinkTarget } from './links.js';
import { LEVEL_MARKS, MARK, marked } from './status-marks.js';
import { issuesToFix, type CardProject } from './status-update-card.js';
import { VERBS } from './verbs.js';
import { projectTitle } from '../domain/project.js';

export const PORTFOLIO_WIDE = 'none';

/** What the form collects (validated by the bot before it reaches this card again). */
export interface RiskDraft {
  projectId: string | null;
  title: string;
  description: string;
  category: RiskCategory;
  likelihood: Rating;
  impact: Rating;
  strategy: RiskStrategy;
  mitigation: string;
  /** Only the CTO, the risk's owner, the project's owner and leads and the pillar's leads read it. */
  confidential: boolean;
}

export interface RiskFormInput {
  locale: Locale;
  links: LinkTarget;
  submissionKey: string;
  /** Escalation threshold (settings). */
  threshold: number;
  /** The project the risk is raised on; without it the form offers `projectChoices`. */
  project?: CardProject;
  projectChoices?: readonly CardProject[];
  /** A viewer's risk lands as proposed for the owner to triage. */
  proposed: boolean;
  values?: Partial<Record<keyof RiskDraft, string>>;
  issues?: readonly string[];
}

const RATINGS = [1, 2, 3, 4, 5] as const;

export function riskFormCard(input: RiskFormInput): AdaptiveCardJson {
  const { locale } = input;
  const t = translator(locale);
  const v = input.values ?? {};
  const withValue = (id: keyof RiskDraft, fallback?: string) =>
    v[id] !== undefined && v[id] !== ''
      ? { value: inputValue(v[id], id === 'title' ? 200 : 4000) }
      : fallback
        ? { value: fallback }
        : {};
  const projectPart: CardElement[] = input.project
    ? [
        plain([{ text: `${input.project.code} `, bold: true }, projectTitle(input.project, locale)], {
          spacing: 'None',
        }),
      ]
    : [
        {
          type: 'Input.ChoiceSet',
          id: 'projectId',
          label: t('bot.risk.project'),
          style: 'compact',
          choices: [
            choice(t('bot.risk.portfolio_wide'), PORTFOLIO_WIDE),
            ...(input.projectChoices ?? []).map((p) =>
              choice(`${p.code} · ${projectTitle(p, locale)}`.slice(0, 120), p.id),
            ),
          ],
          ...withValue('projectId', PORTFOLIO_WIDE),
        },
        note(t('bot.risk.other_project'), { subtle: true, spacing: 'None' }),
      ];
  const body: CardElement[] = [
    heading(t('bot.risk.title')),
    ...projectPart,
    ...issuesToFix(input.issues, t),
    {
      type: 'Input.Text',
      id: 'title',
      label: t('bot.risk.field.title'),
      maxLength: 200,
      isRequired: true,
      errorMessage: t('validation.required'),
      ...withValue('title'),
    },
    {
      type: 'Input.Text',
      id: 'description',
      label: t('bot.risk.field.description'),
      isMultiline: true,
      maxLength: 4000,
      ...withValue('description'),
    },
    {
      type: 'ColumnSet',
      columns: (['likelihood', 'impact'] as const).map((field) => ({
        type: 'Column',
        width: 'stretch',
        items: [
          {
            type: 'Input.ChoiceSet',
            id: field,
            label: t(`bot.risk.field.${field}`),
            style: 'compact',
            isRequired: true,
            errorMessage: t('validation.required'),
            choices: RATINGS.map((r) => choice(t(`bot.risk.${field}.${r}`), String(r))),
            ...withValue(field, '3'),
          },
        ],
      })),
    },
    note(t('bot.risk.scoring', { threshold: input.threshold }), { subtle: true }),
    {
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            {
              type: 'Input.ChoiceSet',
              id: 'category',
              label: t('bot.risk.field.category'),
              style: 'compact',
              choices: RISK_CATEGORIES.map((c) => choice(t(`bot.category.${c}`), c)),
              ...withValue('category', 'delivery'),
            },
          ],
        },
        {
          type: 'Column',
          width: 'stretch',
          items: [
            {
              type: 'Input.ChoiceSet',
              id: 'strategy',
              label: t('bot.risk.field.strategy'),
              style: 'compact',
              choices: RISK_STRATEGIES.map((s) => choice(t(`bot.strategy.${s}`), s)),
              ...withValue('strategy', 'reduce'),
            },
          ],
        },
      ],
    },
    {
      type: 'Input.Text',
      id: 'mitigation',
      label: t('bot.risk.field.mitigation'),
      isMultiline: true,
      maxLength: 4000,
      ...withValue('mitigation'),
    },
    {
      type: 'Input.Toggle',
      id: 'confidential',
      title: t('bot.risk.field.confidential'),
      valueOn: 'true',
      valueOff: 'false',
      wrap: true,
      ...withValue('confidential', 'false'),
    },
    ...(input.proposed ? [note(t('bot.risk.proposed_note'), { subtle: true })] : []),
  ];
  const data = {
    submissionKey: input.submissionKey,
    ...(input.project ? { projectId: input.project.id } : {}),
  };
  return card(locale, body, [
    execute(t('bot.action.submit_risk'), VERBS.riskSubmit, data),
    openUrl(
      t('bot.action.open_tab'),
      tabLink(
        input.links,
        input.project ? `risks?project=${encodeURIComponent(input.project.code)}` : 'risks',
      ),
    ),
  ]);
}

function scoreLine(locale: Locale, likelihood: number, impact: number): CardElement {
  const t = translator(locale);
  const score = likelihood * impact;
  const level = riskLevel(score);
  return plain([
    {
      text: marked(LEVEL_MARKS[level], t('bot.risk.score', { score, level: t(`bot.level.${level}`) })),
      bold: true,
      user: false,
    },
  ]);
}

export interface RiskReviewInput {
  locale: Locale;
  links: LinkTarget;
  draft: RiskDraft;
  project?: CardProject;
  submissionKey: string;
}

/**
 * Shown when the risk would escalate: the computed score and level, and a warning. The long texts
 * travel as inputs (still editable here), so each action carries only the short fields.
 */
export function riskReviewCard(input: RiskReviewInput): AdaptiveCardJson {
  const { locale, draft } = input;
  const t = translator(locale);
  const data = {
    projectId: draft.projectId ?? PORTFOLIO_WIDE,
    category: draft.category,
    likelihood: String(draft.likelihood),
    impact: String(draft.impact),
    strategy: draft.strategy,
    confidential: String(draft.confidential),
    submissionKey: input.submissionKey,
  };
  const text = (id: 'title' | 'description' | 'mitigation', value: string, max: number) => ({
    type: 'Input.Text',
    id,
    label: t(`bot.risk.field.${id}`),
    maxLength: max,
    ...(id === 'title'
      ? { isRequired: true, errorMessage: t('validation.required') }
      : { isMultiline: true }),
    ...(value ? { value: inputValue(value, max) } : {}),
  });
  return card(
    locale,
    [
      heading(t('bot.risk.review.title')),
      ...(input.project
        ? [plain([{ text: `${input.project.code} `, bold: true }, projectTitle(input.project, locale)])]
        : []),
      scoreLine(locale, draft.likelihood, draft.impact),
      container([note(marked(MARK.alert, t('bot.risk.review.escalates')))], { style: 'attention' }),
      text('title', draft.title, 200),
      text('description', draft.description, 4000),
      text('mitigation', draft.mitigation, 4000),
    ],
    [
      execute(t('bot.action.confirm_escalation'), VERBS.riskConfirm, data),
      execute(t('bot.action.change'), VERBS.riskEdit, data),
      openUrl(
        t('bot.action.open_tab'),
        tabLink(
          input.links,
          input.project ? `risks?project=${encodeURIComponent(input.project.code)}` : 'risks',
        ),
      ),
    ],
  );
}

export interface RiskSavedInput {
  locale: Locale;
  links: LinkTarget;
  risk: Pick<
    Risk,
    'title' | 'likelihood' | 'impact' | 'score' | 'level' | 'status' | 'escalation' | 'description'
  >;
  project?: CardProject;
  replayed: boolean;
}

export function riskSavedCard(input: RiskSavedInput): AdaptiveCardJson {
  const { locale, risk } = input;
  const t = translator(locale);
  const outcome = input.replayed
    ? note(t('bot.risk.saved.replayed'), { subtle: true })
    : risk.status === 'proposed'
      ? note(t('bot.risk.saved.proposed'))
      : risk.escalation
        ? note(marked(MARK.alert, t('bot.risk.saved.escalated')))
        : undefined;
  return card(
    locale,
    [
      heading(t('bot.risk.saved.title')),
      ...(input.project
        ? [plain([{ text: `${input.project.code} `, bold: true }, projectTitle(input.project, locale)])]
        : []),
      plain([{ text: risk.title, bold: true }]),
      plain([
        {
          text: marked(
            LEVEL_MARKS[risk.level],
            `${t('bot.risk.score', { score: risk.score, level: t(`bot.level.${risk.level}`) })} · ${t(`bot.risk_status.${risk.status}`)}`,
          ),
          user: false,
        },
      ]),
      ...(risk.description ? [plain([risk.description], { spacing: 'Small' })] : []),
      ...(outcome ? [outcome] : []),
    ],
    [
      openUrl(
        t('bot.action.open_tab'),
        tabLink(
          input.links,
          input.project ? `risks?project=${encodeURIComponent(input.project.code)}` : 'risks',
        ),
      ),
    ],
  );
}
