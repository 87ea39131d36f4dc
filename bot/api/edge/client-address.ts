// The address a request came from: the socket's peer, or behind a trusted reverse proxy (Azure App
// Service, TRUST_PROXY=true) the last X-Forwarded-For entry, the one that proxy added.
import type { Request } from 'restify';

export function clientAddress(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.header('x-forwarded-for');
    const last = forwarded?.split(',').pop()?.trim();
    if (last) return stripPort(last);
  }
  return req.socket?.remoteAddress ?? 'unknown';
}

/** "203.0.113.7:51234" → "203.0.113.7"; "[2001:db8::1]:443" → "2001:db8::1"; bare IPv6 kept. */
function stripPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) return bracketed[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4?.[1] ?? address;
}
