// The reminder to a project owner whose status update for the period is missing, with the bot's
// status-update form inline (pre-filled from the last update; its submit verb is the bot's own) and
// an "I am away this week" action. Once the update is in, the card is replaced by a thank-you
// (reminderReceivedCard).
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
import { MARK, marked } from './status-marks.js';
import { projectTitle, type LocalizedTitles } from '../domain/project.js';

export const REMINDER_VERBS = { away: 'reminder.away' } as const;

/** The status-update form the reminder embeds (bot/cards/status-update-card.ts builds it). */
export interface EmbeddedForm {
  body: CardElement[];
  actions?: CardElement[];
}

export interface ReminderCardView {
  locale: Locale;
  links: LinkTarget;
  project: { id: string; code: string; title: string; titles?: LocalizedTitles };
  period: Period;
  /** The second nudge (next working day) rather than the first reminder. */
  second?: boolean;
  /** Sent because this person pressed "nudge late owners" on the digest. */
  nudgedBy?: string;
  /** The update form, inline: its inputs and submit action come first. */
  form: EmbeddedForm;
}

export function buildReminderCard(view: ReminderCardView): AdaptiveCard {
  const { locale, project, period } = view;
  const title = inert(projectTitle(project, locale));
  const body: CardElement[] = [
    textBlock(t(locale, 'reminder.title', { code: project.code }), {
      size: 'Medium',
      weight: 'Bolder',
      color: 'Accent',
    }),
    textBlock(t(locale, view.second ? 'reminder.second' : 'reminder.body', { period, title }), {
      spacing: 'Small',
    }),
  ];
  if (view.nudgedBy)
    body.push(textBlock(t(locale, 'reminder.nudged_by', { name: inert(view.nudgedBy) }), { isSubtle: true }));
  body.push({ type: 'Container', separator: true, spacing: 'Medium', items: view.form.body });
  return adaptiveCard(locale, body, [
    ...(view.form.actions ?? []),
    execute(t(locale, 'reminder.action.away'), REMINDER_VERBS.away, { period }, { associatedInputs: 'none' }),
  ]);
}

/** What the reminder becomes once the update for its period has arrived. */
export function reminderReceivedCard(
  view: Pick<ReminderCardView, 'locale' | 'links' | 'project' | 'period'>,
): AdaptiveCard {
  return adaptiveCard(
    view.locale,
    [
      textBlock(
        marked(
          MARK.ok,
          t(view.locale, 'reminder.received', { period: view.period, code: view.project.code }),
        ),
      ),
    ],
    [openUrl(t(view.locale, 'reminder.action.open'), tabLink(view.links, `projects/${view.project.code}`))],
  );
}

/** What the reminder becomes after "I am away this week". */
export function reminderAwayCard(view: Pick<ReminderCardView, 'locale' | 'period'>): AdaptiveCard {
  return adaptiveCard(view.locale, [
    textBlock(marked(MARK.ok, t(view.locale, 'digest.cmd.away', { period: view.period }))),
  ]);
}
