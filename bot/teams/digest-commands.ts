// Bot commands of the proactive features (ids from command-catalog.ts): `digest` (a preview for
// yourself), `digest send` (cto: send to every recipient now, once per recipient and period),
// `subscribe digest` / `unsubscribe digest` (pillar leads), `away [period]` and `unreachable` (cto).
import { ForbiddenError } from '../domain/errors.js';
import { SUPPORTED_LOCALES } from '../domain/locale.js';
import { canAdminister, isCto } from '../domain/permissions.js';
import { t, type MessageKey } from '../i18n/translate.js';
import { listUnreachable } from '../services/digest-unreachable.js';
import type { SubscriptionChange } from '../services/subscription-service.js';
import { normalise } from './command-keywords.js';
import type { BotTurn, CommandHandler } from './extensions.js';
import type { ProactiveFeature } from './proactive-feature.js';
import { errorText, requestContext, sendCard, sendText } from './turn-kit.js';

const SUBSCRIPTION_KEYS: Record<SubscriptionChange, MessageKey> = {
  subscribed: 'digest.cmd.subscribed',
  'already-subscribed': 'digest.cmd.already_subscribed',
  unsubscribed: 'digest.cmd.unsubscribed',
  'not-subscribed': 'digest.cmd.not_subscribed',
  'cto-always': 'digest.cmd.cto_always',
};

/**
 * The word after `digest` that sends it, in any of the six languages (the help card shows
 * "digest [send]" with the word in the person's language, e.g. "synthèse [envoyer]").
 */
const SEND_WORDS: ReadonlySet<string> = new Set(
  SUPPORTED_LOCALES.map((locale) => normalise(t(locale, 'bot.arg.send'))),
);

/** Runs a command body; an application error becomes its localised sentence, never a crash. */
async function guarded(turn: BotTurn, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    await sendText(turn.context, errorText(turn.locale, error));
  }
}

export function digestCommands(feature: ProactiveFeature): CommandHandler[] {
  const services = feature.deps.services;
  return [
    {
      id: 'digest',
      handle: (turn, args) =>
        guarded(turn, async () => {
          const word = normalise(args);
          if (!word || word === 'preview') {
            const digest = await feature.digest.compose(undefined, { confidential: isCto(turn.actor) });
            await sendCard(
              turn.context,
              feature.digest.card(digest, turn.actor, { preview: true, locale: turn.locale }),
            );
            return;
          }
          if (!SEND_WORDS.has(word)) return sendText(turn.context, turn.t('digest.cmd.usage'));
          if (!canAdminister(turn.actor).allowed) {
            await services.audit.record(
              requestContext(turn),
              { entityType: 'settings', entityId: 'digest' },
              'forbidden',
              undefined,
              undefined,
              'digest-send: role_required_cto',
            );
            return sendText(turn.context, turn.t('digest.cmd.send_forbidden'));
          }
          const period = feature.digest.currentPeriod();
          const s = await feature.digest.send(period);
          if (s.busy) return sendText(turn.context, turn.t('digest.cmd.busy', { period }));
          await sendText(
            turn.context,
            turn.t('digest.cmd.sent', {
              period,
              delivered: s.delivered + s.throttled,
              already: s.already,
              unreachable: s.unreachable,
              failed: s.failed,
            }),
          );
        }),
    },
    {
      id: 'subscribe',
      handle: (turn) =>
        guarded(turn, async () => {
          const settings = await services.settings.current();
          if (!feature.subscriptions.canSubscribe(settings, turn.actor)) {
            return sendText(turn.context, turn.t('digest.cmd.subscribe_forbidden'));
          }
          const change = await feature.subscriptions.subscribe(requestContext(turn));
          await sendText(turn.context, turn.t(SUBSCRIPTION_KEYS[change]));
        }),
    },
    {
      id: 'unsubscribe',
      handle: (turn) =>
        guarded(turn, async () => {
          const change = await feature.subscriptions.unsubscribe(requestContext(turn));
          await sendText(turn.context, turn.t(SUBSCRIPTION_KEYS[change]));
        }),
    },
    {
      id: 'away',
      handle: (turn, args) =>
        guarded(turn, async () => {
          let period: string;
          try {
            period = feature.reminders.parseAwayPeriod(args);
          } catch {
            return sendText(
              turn.context,
              turn.t('digest.cmd.away_invalid', { example: feature.reminders.currentPeriod() }),
            );
          }
          await feature.reminders.setAway(requestContext(turn), period);
          await sendText(turn.context, turn.t('digest.cmd.away', { period }));
        }),
    },
    {
      id: 'unreachable',
      handle: (turn) =>
        guarded(turn, async () => {
          if (!canAdminister(turn.actor).allowed) throw new ForbiddenError('role_required_cto');
          const people = await listUnreachable(
            feature.deps.state,
            services.deps.store,
            services.deps.orgTimeZone,
          );
          if (!people.length) return sendText(turn.context, turn.t('digest.cmd.unreachable_none'));
          const shown = people.slice(0, 30);
          const lines = shown.map((p) =>
            turn.t('digest.cmd.unreachable_item', {
              name: p.name,
              reason: turn.t(`digest.unreachable.${p.reason}` as MessageKey),
              kind: turn.t(kindKey(p.kind)),
              period: p.period,
            }),
          );
          if (people.length > shown.length)
            lines.push(turn.t('digest.more', { count: people.length - shown.length }));
          await sendText(
            turn.context,
            [turn.t('digest.cmd.unreachable_heading', { count: people.length }), ...lines].join('\n'),
          );
        }),
    },
  ];
}

function kindKey(kind: string): MessageKey {
  if (kind === 'digest') return 'digest.kind.digest';
  if (kind === 'escalation') return 'digest.kind.escalation';
  if (kind === 'reminder-2' || kind === 'reminder-nudge') return 'digest.kind.nudge';
  return 'digest.kind.reminder';
}
