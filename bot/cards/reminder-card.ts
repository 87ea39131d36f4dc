// The reminder to a project owner whose status update for the period is missing, with a compact
// update form inline (health, percent complete, summary, blockers) pre-filled from the last update,
// an "I am away this week" action, and a link to the project. Once the update is in, the card is
// replaced by a thank-you (reminderReceivedCard).
import type { Health } from '../domain/health.js';
import type { Locale } from '../domain/locale.js';
import type { Period } from '../domain/period.js';
import { t } from '../i18n/translate.js';
import {
  adaptiveCard,
  execute,
  inert,
  openUrl,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './digest-card-kit.js';
import { tabLink, type LinkTarget } from './links.js';

export const REMINDER_VERBS = { submit: 'reminder.submit', away: 'reminder.away' } as const;

export interface ReminderCardView {
  locale: Locale;
  links: LinkTarget;
  project: { id: string; code: string; title: string };
  period: Period;
  /** The second nudge (next working day) rather than the first reminder. */
  second?: boolean;
  /** Sent because this person pressed "nudge late owners" on the digest. */
  nudgedBy?: string;
  prefill?: { health?: Health; percentComplete?: number; summary?: string; blockers?: string };
  /** A message shown above the form (e.g. a validation problem after a submit). */
  notice?: string;
}

export function buildReminderCard(view: ReminderCardView): AdaptiveCard {
  const { locale, project, period } = view;
  const title = inert(project.title);
  const body: CardElement[] = [
    textBlock(t(locale, 'reminder.title', { code: project.code }), { size: 'Medium', weight: 'Bolder' }),
    textBlock(t(locale, view.second ? 'reminder.second' : 'reminder.body', { period, title })),
  ];
  if (view.nudgedBy)
    body.push(textBlock(t(locale, 'reminder.nudged_by', { name: inert(view.nudgedBy) }), { isSubtle: true }));
  if (view.notice) body.push(textBlock(view.notice, { color: 'Attention' }));
  const p = view.prefill ?? {};
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: 'health',
      label: t(locale, 'reminder.form.health'),
      style: 'expanded',
      isRequired: true,
      errorMessage: t(locale, 'reminder.form.invalid'),
      ...(p.health ? { value: p.health } : {}),
      choices: (['green', 'amber', 'red'] as const).map((h) => ({
        title: t(locale, `digest.health.${h}`),
        value: h,
      })),
    },
    {
      type: 'Input.Number',
      id: 'percentComplete',
      label: t(locale, 'reminder.form.percent'),
      min: 0,
      max: 100,
      isRequired: true,
      errorMessage: t(locale, 'reminder.form.invalid'),
      ...(p.percentComplete !== undefined ? { value: p.percentComplete } : {}),
    },
    {
      type: 'Input.Text',
      id: 'summary',
      label: t(locale, 'reminder.form.summary'),
      isMultiline: true,
      maxLength: 2000,
      isRequired: true,
      errorMessage: t(locale, 'reminder.form.invalid'),
      ...(p.summary ? { value: p.summary } : {}),
    },
    {
      type: 'Input.Text',
      id: 'blockers',
      label: t(locale, 'reminder.form.blockers'),
      isMultiline: true,
      maxLength: 4000,
      ...(p.blockers ? { value: p.blockers } : {}),
    },
  );
  return adaptiveCard(locale, body, [
    execute(
      t(locale, 'reminder.form.submit'),
      REMINDER_VERBS.submit,
      { projectId: project.id, period },
      { associatedInputs: 'auto' },
    ),
    execute(t(locale, 'reminder.action.away'), REMINDER_VERBS.away, { period }, { associatedInputs: 'none' }),
    openUrl(t(locale, 'reminder.action.open'), tabLink(view.links, `projects/${project.code}`)),
  ]);
}

/** What the reminder becomes once the update for its period has arrived. */
export function reminderReceivedCard(
  view: Pick<ReminderCardView, 'locale' | 'links' | 'project' | 'period'>,
): AdaptiveCard {
  return adaptiveCard(
    view.locale,
    [
      textBlock(t(view.locale, 'reminder.received', { period: view.period, code: view.project.code }), {
        color: 'Good',
      }),
    ],
    [openUrl(t(view.locale, 'reminder.action.open'), tabLink(view.links, `projects/${view.project.code}`))],
  );
}

/** What the reminder becomes after "I am away this week". */
export function reminderAwayCard(view: Pick<ReminderCardView, 'locale' | 'period'>): AdaptiveCard {
  return adaptiveCard(view.locale, [
    textBlock(t(view.locale, 'digest.cmd.away', { period: view.period }), { color: 'Good' }),
  ]);
}
