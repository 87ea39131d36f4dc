// Who is calling the API. In development mode a roster persona chosen with the `x-dev-user`
// header (default: the first CTO); otherwise an Entra ID bearer token validated by a TokenValidator.
export type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** A caller as established by authentication, before it is matched to the roster. */
export type Identity =
  | { kind: 'dev'; personId: string | undefined; fallbackId?: string }
  | { kind: 'entra'; aadObjectId: string; tenantId: string; email?: string; name?: string; token: string };

export interface Authenticator {
  readonly mode: 'dev' | 'entra';
  /** Throws UnauthenticatedError when the request carries no acceptable identity. */
  authenticate(headers: Headers): Promise<Identity>;
}

export const DEV_USER_HEADER = 'x-dev-user';

export function header(headers: Headers, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
