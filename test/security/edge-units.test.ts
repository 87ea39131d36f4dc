// The edge's small parts on their own: client addresses behind a proxy, media types, text checks and
// the token bucket with an injected clock (no waiting).
import type { Request } from 'restify';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../bot/api/edge/client-address.js';
import { isJsonMediaType } from '../../bot/api/edge/json-body.js';
import { RateLimiter } from '../../bot/api/edge/rate-limiter.js';
import { badTextIssues, hasBadText } from '../../bot/api/edge/text-checks.js';

function request(headers: Record<string, string>, remoteAddress = '10.0.0.9'): Request {
  return {
    header: (name: string) => headers[name.toLowerCase()],
    socket: { remoteAddress },
  } as unknown as Request;
}

describe('clientAddress', () => {
  it.each([
    [{}, false, '10.0.0.9'],
    [{ 'x-forwarded-for': '203.0.113.7' }, false, '10.0.0.9'],
    [{ 'x-forwarded-for': '198.51.100.1, 203.0.113.7:51234' }, true, '203.0.113.7'],
    [{ 'x-forwarded-for': '[2001:db8::1]:443' }, true, '2001:db8::1'],
    [{ 'x-forwarded-for': '2001:db8::2' }, true, '2001:db8::2'],
    [{}, true, '10.0.0.9'],
  ])('%j (trust proxy %s) -> %s', (headers, trust, expected) => {
    expect(clientAddress(request(headers), trust)).toBe(expected);
  });
});

describe('isJsonMediaType', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=UTF-8', true],
    ['application/merge-patch+json', true],
    ['application/json; charset="utf-8"', true],
    ['application/json; charset=latin1', false],
    ['text/json', false],
    ['multipart/form-data; boundary=x', false],
    [undefined, false],
  ])('%s -> %s', (type, expected) => {
    expect(isJsonMediaType(type)).toBe(expected);
  });
});

describe('text checks', () => {
  it.each([
    ['plain', false],
    ['emoji 😀', false],
    ['lone \ud83d', true],
    ['\ude00 lone low', true],
    ['U+FDD0 \ufdd0', true],
    ['U+1FFFE \ud83f\udffe', true],
  ])('%s -> %s', (text, bad) => {
    expect(hasBadText(text)).toBe(bad);
  });

  it('names the path of each bad string, keys included', () => {
    expect(badTextIssues({ a: ['ok', 'x\uffff'], ['k\ud800']: 1 }).map((i) => i.path)).toEqual(['a.1', '']);
  });
});

describe('RateLimiter', () => {
  it('allows a burst up to the limit, then one request per 60/limit seconds', () => {
    let now = 0;
    const limiter = new RateLimiter(6, () => now);
    for (let i = 0; i < 6; i++) expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 10_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('0 is off', () => {
    const limiter = new RateLimiter(0);
    expect(limiter.enabled).toBe(false);
    for (let i = 0; i < 100; i++) expect(limiter.take('a').allowed).toBe(true);
  });

  it('forgets full buckets once it holds many keys', () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now);
    for (let i = 0; i < 10_000; i++) limiter.take(`k${i}`);
    now += 60_000;
    limiter.take('new');
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBe(1);
  });
});
