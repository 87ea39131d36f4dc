// Drives the bot through POST /api/messages as Teams would, with the fake Bot Connector recording
// the replies: messages, card actions (adaptiveCard/action invokes and Action.Submit fallbacks) and
// install events, as any of the demo personas.
import { randomUUID } from 'node:crypto';
import { startFakeConnector, type FakeConnector, type SentActivity } from '../helpers/fake-connector.js';
import { startTestApp, type TestApp, type TestAppOptions } from '../helpers/test-app.js';

export const PERSONAS = {
  cto: { aadObjectId: '00000000-0000-4000-8000-000000000001', id: '29:cto', name: 'Nadia Rahimi' },
  owner: { aadObjectId: '00000000-0000-4000-8000-000000000002', id: '29:owner', name: 'Daniel Mwangi' },
  changemaker: {
    aadObjectId: '00000000-0000-4000-8000-000000000003',
    id: '29:changemaker',
    name: 'Sofia Lindgren',
  },
  viewer: { aadObjectId: '00000000-0000-4000-8000-000000000004', id: '29:viewer', name: 'Lucas Moreau' },
  analyst: { aadObjectId: '00000000-0000-4000-8000-000000000005', id: '29:analyst', name: 'Tomás Herrera' },
  stranger: { aadObjectId: '00000000-0000-4000-8000-0000000000ff', id: '29:stranger', name: 'Guest Person' },
} as const;
export type PersonaName = keyof typeof PERSONAS;

export interface SendOptions {
  as?: PersonaName;
  locale?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  conversationId?: string;
}

export interface InvokeAnswer {
  httpStatus: number;
  body: { statusCode: number; type: string; value: unknown };
}

export interface BotHarness {
  t: TestApp;
  connector: FakeConnector;
  /** Sends a message and returns the activities the bot sent back. */
  say(text: string, options?: SendOptions & { value?: unknown; replyToId?: string }): Promise<SentActivity[]>;
  /** Sends an adaptiveCard/action invoke and returns the invoke response. */
  invoke(
    verb: unknown,
    data: unknown,
    options?: SendOptions & { rawValue?: unknown; replyToId?: string },
  ): Promise<InvokeAnswer>;
  /** Posts any activity; returns the activities the bot sent back. */
  post(activity: Record<string, unknown>): Promise<{ status: number; sent: SentActivity[] }>;
  activity(type: string, options?: SendOptions): Record<string, unknown>;
  close(): Promise<void>;
}

export function cardsOf(sent: readonly SentActivity[]): Array<Record<string, unknown>> {
  return sent.flatMap((s) =>
    (s.activity.attachments ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((a) => a.content as Record<string, unknown>),
  );
}

/** All the text of a card (TextBlocks, text runs, labels, titles), for assertions. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === 'string' && ['text', 'title', 'label', 'value', 'placeholder'].includes(k))
          out.push(x);
        else walk(x);
      }
    }
  };
  walk(card);
  return out.join('\n');
}

/** Every Action.Execute of a card (body and actions). */
export function executeActions(
  card: unknown,
): Array<{ verb: string; data: Record<string, unknown>; title: string }> {
  const found: Array<{ verb: string; data: Record<string, unknown>; title: string }> = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'Action.Execute')
        found.push({
          verb: o.verb as string,
          data: o.data as Record<string, unknown>,
          title: o.title as string,
        });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

export async function startBotHarness(options: TestAppOptions = {}): Promise<BotHarness> {
  const [t, connector] = await Promise.all([startTestApp(options), startFakeConnector()]);
  const activity = (type: string, o: SendOptions = {}) => {
    const who = PERSONAS[o.as ?? 'owner'];
    const conversationType = o.conversationType ?? 'personal';
    return {
      type,
      id: `a-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      timestamp: new Date().toISOString(),
      locale: o.locale ?? 'en-US',
      conversation: {
        id: o.conversationId ?? `${conversationType}-${who.id}`,
        conversationType,
        tenantId: 'tenant-1',
        ...(conversationType === 'personal' ? {} : { isGroup: true }),
      },
      from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
      recipient: { id: '28:bot', name: 'Transformation Hub' },
      channelData: { tenant: { id: 'tenant-1' } },
    };
  };
  const post = async (body: Record<string, unknown>) => {
    const before = connector.sent.length;
    const r = await t.call('/api/messages', { method: 'POST', json: body });
    await r.text();
    // Replies are sent before the turn ends, so they are recorded once the POST has answered.
    return { status: r.status, sent: connector.sent.slice(before) };
  };
  return {
    t,
    connector,
    activity,
    post,
    async say(text, o = {}) {
      const a: Record<string, unknown> = { ...activity('message', o), text };
      if (o.value !== undefined) a.value = o.value;
      if (o.replyToId) a.replyToId = o.replyToId;
      return (await post(a)).sent;
    },
    async invoke(verb, data, o = {}) {
      const a = {
        ...activity('invoke', o),
        name: 'adaptiveCard/action',
        value: o.rawValue ?? { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        ...(o.replyToId ? { replyToId: o.replyToId } : {}),
      };
      const r = await t.call('/api/messages', { method: 'POST', json: a });
      const text = await r.text();
      return { httpStatus: r.status, body: (text ? JSON.parse(text) : undefined) as InvokeAnswer['body'] };
    },
    async close() {
      await Promise.all([t.close(), connector.close()]);
    },
  };
}

/** The values a client would send with an action: every input's current value, by id. */
export function inputValues(card: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') {
        values[o.id] = typeof o.value === 'string' || typeof o.value === 'number' ? String(o.value) : '';
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return values;
}
