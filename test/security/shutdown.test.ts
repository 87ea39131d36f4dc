// Item 11 of issue 12: shutdown. Closing the app does not wait for connections that carry no request
// (a browser's preconnect, a probe that never sends one, an idle keep-alive socket): the tester saw
// SIGTERM take 10 s with no client. A request in flight still finishes with its answer.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { route } from '../../bot/api/route.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function openSocket(baseUrl: string): Promise<{ socket: Socket; closed: Promise<void> }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () =>
      resolve({ socket, closed: new Promise((r) => socket.once('close', () => r())) }),
    );
    socket.once('error', reject);
  });
}

describe('closing the app', () => {
  it('does not wait for a connection that never sent a request, nor for an idle keep-alive one', async () => {
    t = await startTestApp({ demo: false });
    const silent = await openSocket(t.baseUrl);
    const keepAlive = await openSocket(t.baseUrl);
    keepAlive.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
    await new Promise((r) => keepAlive.socket.once('data', r));
    // Without the fix this waits for Node's header timeout (the test's 5 s limit fails it).
    await t.close();
    t = undefined;
    await Promise.all([silent.closed, keepAlive.closed]);
  }, 5_000);

  it('lets a request in flight finish with its answer', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const arrived = new Promise<void>((r) => (started = r));
    t = await startTestApp({
      demo: false,
      extraRoutes: [
        route({
          method: 'get',
          path: '/api/v1/test/slow',
          operationId: 'slow',
          summary: 'held until the test releases it',
          tag: 'test',
          public: true,
          response: { kind: 'empty' },
          handler: async () => {
            started();
            await held;
            return { status: 200, body: { done: true } };
          },
        }),
      ],
    });
    const answer = fetch(`${t.baseUrl}/api/v1/test/slow`);
    await arrived;
    const app = t;
    t = undefined;
    const closed = app.close();
    release();
    const r = await answer;
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ done: true });
    await closed;
  }, 5_000);
});
