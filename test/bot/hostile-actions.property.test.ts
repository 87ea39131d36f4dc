// Property: random and hostile card data (missing fields, wrong types, huge strings, other
// people's and unknown ids, unknown verbs, replayed submissions) never crashes a turn, never stores
// invalid data, never stores a replay twice, and always gets a specific answer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusUpdate } from '../../bot/domain/status-update.js';
import { Risk } from '../../bot/domain/risk.js';
import { collectAll } from '../../bot/ports/paging.js';
import { PERSONAS, startBotHarness, type BotHarness, type PersonaName } from './bot-harness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(async () => {
  await h.close();
});

const junk = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constant('x'.repeat(25_000)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.constantFrom('[x](https://evil.example)', '<at>CTO</at>', '\u202eevil', '__proto__', 'constructor'),
);

const projectRef = fc.oneof(fc.constantFrom('TR-07', 'AI-02', 'CC-01', 'TR-08', 'p-nope', 'none', ''), junk);
const period = fc.oneof(fc.constantFrom('2026-W48', '2026-W47', '2026-W49', '2026-W30', '2026-W99'), junk);
const health = fc.oneof(fc.constantFrom('green', 'amber', 'red', ''), junk);
const rating = fc.oneof(fc.constantFrom('1', '3', '5', '0', '6', 5), junk);
// A small pool of keys, so replays happen often.
const key = fc.oneof(fc.constantFrom('k-1', 'k-2', 'k-3', 'k-4'), junk);

const updateData = fc.record(
  {
    projectId: projectRef,
    period,
    expectedVersion: fc.oneof(fc.constantFrom(0, 1, 2, '0'), junk),
    submissionKey: key,
    health,
    percentComplete: fc.oneof(fc.constantFrom('0', '50', '100', '101', '-1', '4.5'), junk),
    summary: fc.oneof(fc.constantFrom('Progress', ''), junk),
    achievements: junk,
    nextSteps: junk,
    blockers: junk,
    schedule: health,
  },
  { requiredKeys: [] },
);

const riskData = fc.record(
  {
    submissionKey: key,
    projectId: projectRef,
    title: fc.oneof(fc.constantFrom('A real risk', 'ab', ''), junk),
    description: junk,
    category: fc.oneof(fc.constantFrom('delivery', 'people', 'nope'), junk),
    likelihood: rating,
    impact: rating,
    strategy: fc.oneof(fc.constantFrom('reduce', 'accept', 'nope'), junk),
    mitigation: junk,
  },
  { requiredKeys: [] },
);

const action = fc.oneof(
  fc.record({ verb: fc.constant('statusUpdate.submit'), data: updateData }),
  fc.record({ verb: fc.constantFrom('risk.submit', 'risk.confirm', 'risk.edit'), data: riskData }),
  fc.record({
    verb: fc.constant('statusUpdate.refresh'),
    data: fc.record({ projectId: projectRef, period }),
  }),
  fc.record({ verb: fc.oneof(fc.string({ maxLength: 120 }), junk), data: fc.oneof(junk, riskData) }),
);

const persona = fc.constantFrom(...(Object.keys(PERSONAS) as PersonaName[]));

describe('hostile card data', () => {
  it('never crashes, always answers specifically, stores only valid data and each submission once', async () => {
    const raisedKeys = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(action, persona, fc.boolean(), async ({ verb, data }, as, viaSubmit) => {
        if (viaSubmit) {
          // The Action.Submit fallback: the same data in a message's value.
          const value =
            data && typeof data === 'object' && !Array.isArray(data) ? { ...data, verb } : { verb };
          const sent = await h.say('', { as, value });
          expect(sent.length).toBeGreaterThan(0);
          for (const s of sent) {
            const a = s.activity;
            expect(Boolean(a.text) || (a.attachments?.length ?? 0) > 0).toBe(true);
            expect(a.text ?? '').not.toContain('something went wrong');
          }
          return;
        }
        const answer = await h.invoke(verb, data, { as });
        expect(answer.httpStatus).toBe(200);
        expect([200, 400]).toContain(answer.body.statusCode);
        if (answer.body.statusCode === 400) {
          expect((answer.body.value as { message: string }).message.length).toBeGreaterThan(10);
        } else {
          expect(answer.body.value).toBeTruthy();
        }
        const text = JSON.stringify(answer.body.value);
        if (verb === 'risk.confirm' || verb === 'risk.submit') {
          const k = (data as { submissionKey?: unknown }).submissionKey;
          if (typeof k === 'string' && text.includes('"Risk raised"') && !text.includes('already raised')) {
            raisedKeys.set(`${as}:${k}`, (raisedKeys.get(`${as}:${k}`) ?? 0) + 1);
          }
        }
      }),
      {
        numRuns: 150,
        // A valid submission and its replay come first, so the replay rule is always exercised.
        examples: [
          [
            {
              verb: 'risk.submit',
              data: {
                submissionKey: 'k-1',
                projectId: 'TR-07',
                title: 'A real risk',
                likelihood: '1',
                impact: '2',
              },
            },
            'changemaker',
            false,
          ],
          [
            {
              verb: 'risk.submit',
              data: {
                submissionKey: 'k-1',
                projectId: 'TR-07',
                title: 'A real risk',
                likelihood: '1',
                impact: '2',
              },
            },
            'changemaker',
            false,
          ],
          [
            {
              verb: 'risk.submit',
              data: {
                submissionKey: 'k-1',
                projectId: 'TR-07',
                title: 'A real risk',
                likelihood: '1',
                impact: '2',
              },
            },
            'changemaker',
            true,
          ],
        ],
      },
    );
    expect(raisedKeys.get('changemaker:k-1')).toBe(1);
    // A replayed risk submission is stored once: one new risk per (person, key).
    for (const [k, n] of raisedKeys) expect({ k, n }).toEqual({ k, n: 1 });
    const store = h.t.app.store;
    const risks = await collectAll((page) => store.risks.list(page));
    for (const r of risks) expect(Risk.safeParse(r).success).toBe(true);
    const projects = await collectAll((page) => store.projects.list(page));
    for (const p of projects) {
      const updates = await collectAll((page) => store.statusUpdates.listByProject(p.id, page));
      for (const u of updates) expect(StatusUpdate.safeParse(u).success).toBe(true);
      const periods = updates.map((u) => u.period);
      expect(new Set(periods).size).toBe(periods.length);
    }
  });
});
