// The weekly status-update form (also embedded in reminder cards) and the read-only card it turns
// into after a submit. The form shows the reporting period and is pre-filled from the update being
// amended, else from the previous period's.
import { HEALTHS } from '../domain/health.js';
import type { Locale } from '../domain/locale.js';
import { periodEnd, periodStart, type Period } from '../domain/period.js';
import {
  HEALTH_DIMENSIONS,
  prefillFrom,
  type StatusUpdate,
  type StatusUpdateContent,
} from '../domain/status-update.js';
import { translator, type Translator } from '../i18n/translate.js';
import {
  card,
  choice,
  command,
  container,
  execute,
  formatDate,
  heading,
  inputValue,
  note,
  openUrl,
  plain,
  type AdaptiveCardJson,
  type CardElement,
} from './card-kit.js';
import { tabLink, type LinkTarget } from './links.js';
import { MARK, marked } from './status-marks.js';
import { healthRun } from './project-labels.js';
import { VERBS } from './verbs.js';
import { projectTitle, type LocalizedTitles } from '../domain/project.js';

export interface CardProject {
  id: string;
  code: string;
  title: string;
  /** Titles in other languages: the reader's is shown where one exists. */
  titles?: LocalizedTitles;
}

export type StatusUpdateView = Pick<StatusUpdate, 'period' | 'version'> & StatusUpdateContent;

export interface StatusUpdateFormInput {
  project: CardProject;
  /** The reporting period the form is for. */
  period: Period;
  /** The latest earlier update (pre-fills the form), if any. */
  previous: StatusUpdateView | undefined;
  locale: Locale;
  links: LinkTarget;
  /** Identifies this card's submission, so a replayed submit is stored once. */
  submissionKey: string;
  /** This period's update when there is one already: the form amends it. */
  existing?: StatusUpdateView;
  /** Localised problems to show above the fields (after a refused submit). */
  issues?: readonly string[];
  /** Values to show instead of the pre-fill (after a refused submit). */
  values?: Partial<Record<string, string>>;
}

const DIMENSIONS = HEALTH_DIMENSIONS;

// A week's label depends only on the locale and the week: kept once made (bounded).
const periodLabels = new Map<string, string>();
const MAX_PERIOD_LABELS = 1_000;

export function periodLabel(locale: Locale, period: Period): string {
  const key = `${locale}|${period}`;
  const known = periodLabels.get(key);
  if (known !== undefined) return known;
  const t = translator(locale);
  const label = t('bot.update.period', {
    period,
    from: formatDate(locale, periodStart(period)),
    to: formatDate(locale, periodEnd(period)),
  });
  if (periodLabels.size >= MAX_PERIOD_LABELS) periodLabels.clear();
  periodLabels.set(key, label);
  return label;
}

function projectHeader(project: CardProject, title: string, locale: Locale): CardElement[] {
  return [
    heading(title),
    plain([{ text: `${project.code} `, bold: true }, projectTitle(project, locale)], { spacing: 'None' }),
  ];
}

export function statusUpdateFormCard(input: StatusUpdateFormInput): AdaptiveCardJson {
  const { project, period, locale } = input;
  const t = translator(locale);
  const filled: Partial<StatusUpdateContent> = input.existing ?? prefillFrom(toUpdate(input.previous));
  const value = (id: string, fallback: string | number | undefined) =>
    input.values?.[id] ?? (fallback === undefined ? undefined : String(fallback));
  const origin = input.existing
    ? note(marked(MARK.notice, t('bot.update.amending', { period })))
    : input.previous
      ? note(t('bot.update.prefilled', { period: input.previous.period }), { subtle: true })
      : note(t('bot.update.first'), { subtle: true });
  const text = (id: string, label: string, max: number, fallback: string | undefined, required = false) => ({
    type: 'Input.Text',
    id,
    label,
    isMultiline: true,
    maxLength: max,
    ...(required ? { isRequired: true, errorMessage: t('validation.required') } : {}),
    // A value longer than the field accepts (it cannot be stored anyway) is cut to the field's size.
    ...(value(id, fallback) ? { value: inputValue(value(id, fallback)!, max) } : {}),
  });
  const body: CardElement[] = [
    ...projectHeader(project, t('bot.update.title'), locale),
    note(periodLabel(locale, period), { spacing: 'Small' }),
    origin,
    ...issuesToFix(input.issues, t),
    {
      type: 'Input.ChoiceSet',
      id: 'health',
      label: t('bot.update.health'),
      style: 'expanded',
      isRequired: true,
      errorMessage: t('validation.required'),
      choices: HEALTHS.map((h) => choice(t(`bot.health.${h}`), h)),
      ...(value('health', filled.health) ? { value: value('health', filled.health) } : {}),
    },
    {
      type: 'Input.Number',
      id: 'percentComplete',
      label: t('bot.update.percent'),
      min: 0,
      max: 100,
      isRequired: true,
      errorMessage: t('validation.required'),
      ...(value('percentComplete', filled.percentComplete) !== undefined
        ? { value: Number(value('percentComplete', filled.percentComplete)) || 0 }
        : {}),
    },
    text('summary', t('bot.update.summary'), 2000, filled.summary, true),
    text('achievements', t('bot.update.achievements'), 4000, filled.achievements),
    text('nextSteps', t('bot.update.next_steps'), 4000, filled.nextSteps),
    text('blockers', t('bot.update.blockers'), 4000, filled.blockers),
    note(t('bot.update.dimensions'), { subtle: true }),
    {
      type: 'ColumnSet',
      spacing: 'None',
      columns: DIMENSIONS.map((d) => ({
        type: 'Column',
        width: 'stretch',
        items: [
          {
            type: 'Input.ChoiceSet',
            id: d,
            label: t(`bot.dimension.${d}`),
            style: 'compact',
            placeholder: t('bot.dimension.unset'),
            choices: HEALTHS.map((h) => choice(t(`bot.health.${h}`), h)),
            ...(value(d, filled.dimensions?.[d]) ? { value: value(d, filled.dimensions?.[d]) } : {}),
          },
        ],
      })),
    },
  ];
  const data = {
    projectId: project.id,
    period,
    expectedVersion: input.existing?.version ?? 0,
    submissionKey: input.submissionKey,
  };
  return card(locale, body, [
    execute(t('bot.action.submit_update'), VERBS.statusUpdateSubmit, data),
    openUrl(t('bot.action.open_tab'), tabLink(input.links, `projects/${encodeURIComponent(project.code)}`)),
  ]);
}

function toUpdate(v: StatusUpdateView | undefined): StatusUpdate | undefined {
  // prefillFrom reads only the content fields.
  return v as StatusUpdate | undefined;
}

export interface StatusUpdateSavedInput {
  project: CardProject;
  update: StatusUpdateView & { submittedAt: string };
  authorName: string;
  locale: Locale;
  links: LinkTarget;
  outcome: 'new' | 'amended' | 'replayed' | 'stale' | 'current';
  /** The `update` command keyword in the person's language (the "amend" button). */
  updateKeyword: string;
  /** Teams user id of the person who acted: their client refreshes the card to current data. */
  refreshFor?: string;
  timeZone?: string;
}

export function statusUpdateSavedCard(input: StatusUpdateSavedInput): AdaptiveCardJson {
  const { update, locale, project } = input;
  const t = translator(locale);
  const outcome =
    input.outcome === 'new'
      ? note(marked(MARK.ok, t('bot.update.saved.new', { period: update.period })))
      : input.outcome === 'amended'
        ? note(marked(MARK.ok, t('bot.update.saved.amended', { period: update.period })))
        : input.outcome === 'replayed'
          ? note(t('bot.update.saved.replayed'), { subtle: true })
          : input.outcome === 'stale'
            ? note(marked(MARK.notice, t('bot.update.stale', { period: update.period })))
            : undefined;
  const section = (label: string, value: string) =>
    value ? [note(`**${label}**`, { spacing: 'Small' }), plain([value], { spacing: 'None' })] : [];
  const dims = DIMENSIONS.filter((d) => update.dimensions?.[d]).map(
    (d) => `${t(`bot.dimension.${d}`)}: ${t(`bot.health.${update.dimensions[d]!}`)}`,
  );
  const body: CardElement[] = [
    ...projectHeader(project, t('bot.update.saved.title'), locale),
    note(periodLabel(locale, update.period), { spacing: 'Small', subtle: true }),
    ...(outcome ? [outcome] : []),
    plain([
      healthRun(t, update.health),
      { text: ` · ${t('bot.projects.percent', { percent: update.percentComplete })}`, user: false },
      ...(dims.length ? [{ text: ` · ${dims.join(' · ')}`, subtle: true, user: false }] : []),
    ]),
    ...section(t('bot.update.summary'), update.summary),
    ...section(t('bot.update.achievements'), update.achievements),
    ...section(t('bot.update.next_steps'), update.nextSteps),
    ...section(t('bot.update.blockers'), update.blockers),
    plain(
      [
        {
          text: t('bot.update.saved.by', {
            name: input.authorName,
            date: formatDate(locale, update.submittedAt, input.timeZone),
          }),
          subtle: true,
        },
      ],
      { spacing: 'Medium' },
    ),
  ];
  const refresh = input.refreshFor
    ? {
        refresh: {
          action: {
            type: 'Action.Execute',
            verb: VERBS.statusUpdateRefresh,
            data: { projectId: project.id, period: update.period },
          },
          userIds: [input.refreshFor],
        },
      }
    : {};
  return card(
    locale,
    body,
    [
      command(t('bot.action.update_again'), `${input.updateKeyword} ${project.code}`),
      openUrl(t('bot.action.open_tab'), tabLink(input.links, `projects/${encodeURIComponent(project.code)}`)),
    ],
    refresh,
  );
}

/** What the submitted form got wrong, above its fields (nothing when it got nothing wrong). */
export function issuesToFix(issues: readonly string[] | undefined, t: Translator): CardElement[] {
  if (!issues?.length) return [];
  return [
    container([note(marked(MARK.alert, t('bot.update.fix'))), plain(issues.map((i) => `• ${i}\n`))], {
      style: 'attention',
    }),
  ];
}
