// Universal Action verbs of the proactive cards, each with a zod schema for its data: the digest's
// acknowledge and "nudge late owners", the reminder's "I am away this week", and the escalation's
// acknowledge / accept / reassign. Every action is audited by the service it calls, and the answer
// is the card that replaces the one acted on.
import { z } from 'zod';
import { buildDigestCard, DIGEST_VERBS } from '../cards/digest-card.js';
import { ESCALATION_VERBS } from '../cards/escalation-card.js';
import { REMINDER_VERBS } from '../cards/reminder-card.js';
import { Period } from '../domain/period.js';
import { isCto } from '../domain/permissions.js';
import type { EscalationAction } from '../scheduling/escalation-job.js';
import type { BotTurn, CardActionResult, CardVerbHandler } from './extensions.js';
import type { ProactiveFeature } from './proactive-feature.js';
import { errorText, requestContext } from './turn-kit.js';

const PeriodData = z.object({ period: Period });
// The version the card was built from (cards sent before it was added carry none).
const RiskData = z.object({
  riskId: z.string().min(1).max(64),
  version: z.number().int().nonnegative().optional(),
});
const ReassignData = RiskData.extend({ ownerId: z.string().min(1).max(64) });

async function answer(turn: BotTurn, body: () => Promise<CardActionResult>): Promise<CardActionResult> {
  try {
    return await body();
  } catch (error) {
    return { kind: 'message', text: errorText(turn.locale, error) };
  }
}

function escalationVerb<T extends { riskId: string; ownerId?: string; version?: number }>(
  feature: ProactiveFeature,
  verb: string,
  action: EscalationAction,
  data: z.ZodType<T>,
): CardVerbHandler<T> {
  return {
    verb,
    data,
    handle: (turn, d) =>
      answer(turn, async () => ({
        kind: 'card',
        card: await feature.escalations.act(requestContext(turn), action, d.riskId, d.ownerId, d.version),
      })),
  };
}

export function digestVerbs(feature: ProactiveFeature): CardVerbHandler<never>[] {
  const handlers = [
    {
      verb: DIGEST_VERBS.acknowledge,
      data: PeriodData,
      handle: (turn: BotTurn, d: z.infer<typeof PeriodData>) =>
        answer(turn, async () => ({
          kind: 'card',
          card: await feature.digest.acknowledge(requestContext(turn), d.period),
        })),
    } satisfies CardVerbHandler<z.infer<typeof PeriodData>>,
    {
      verb: DIGEST_VERBS.nudge,
      data: PeriodData,
      handle: (turn: BotTurn, d: z.infer<typeof PeriodData>) =>
        answer(turn, async () => {
          const s = await feature.reminders.nudge(requestContext(turn), d.period);
          const digest = await feature.digest.compose(d.period, { confidential: isCto(turn.actor) });
          return {
            kind: 'card',
            card: buildDigestCard(digest, {
              locale: turn.locale,
              links: feature.deps.links,
              canNudge: true,
              nudged: s.delivered + s.throttled + s.already,
            }),
          };
        }),
    } satisfies CardVerbHandler<z.infer<typeof PeriodData>>,
    {
      verb: REMINDER_VERBS.away,
      data: PeriodData,
      handle: (turn: BotTurn, d: z.infer<typeof PeriodData>) =>
        answer(turn, async () => ({
          kind: 'card',
          card: (await feature.reminders.setAway(requestContext(turn), d.period)).card,
        })),
    } satisfies CardVerbHandler<z.infer<typeof PeriodData>>,
    escalationVerb(feature, ESCALATION_VERBS.acknowledge, 'acknowledge', RiskData),
    escalationVerb(feature, ESCALATION_VERBS.accept, 'accept', RiskData),
    escalationVerb(feature, ESCALATION_VERBS.reassign, 'reassign', ReassignData),
  ];
  return handlers as unknown as CardVerbHandler<never>[];
}
