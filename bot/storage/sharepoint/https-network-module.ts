// An msal-node network module on node:https with an extra trusted CA. msal-node's own client uses the
// process-wide trust store (to which NODE_EXTRA_CA_CERTS adds at start-up); this one exists for the
// cases where the trust must be given in-process: a local Entra ID stand-in with a self-signed
// certificate in tests, or a TLS-inspecting proxy whose CA an operator provides.
import { Agent, request } from 'node:https';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

const DEFAULT_TIMEOUT_MS = 30_000;

function send<T>(
  method: 'GET' | 'POST',
  url: string,
  agent: Agent,
  options: NetworkRequestOptions | undefined,
  timeoutMs: number,
): Promise<NetworkResponse<T>> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...(options?.headers ?? {}) };
    if (options?.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    const req = request(url, { method, headers, agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text === '' ? {} : JSON.parse(text);
        } catch {
          body = { error: 'invalid_response', error_description: 'the token service answered with non-JSON' };
        }
        const responseHeaders: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') responseHeaders[name] = value;
          else if (Array.isArray(value)) responseHeaders[name] = value.join(', ');
        }
        resolve({ headers: responseHeaders, body: body as T, status: res.statusCode ?? 0 });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`token request timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    if (options?.body !== undefined) req.write(options.body);
    req.end();
  });
}

export function createHttpsNetworkModule(ca: string | Buffer): INetworkModule {
  // No keep-alive: token requests are rare, and an idle pooled socket the server has closed would
  // fail the next token request with ECONNRESET.
  const agent = new Agent({ ca, keepAlive: false });
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) =>
      send<T>('GET', url, agent, options, timeout ?? DEFAULT_TIMEOUT_MS),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) =>
      send<T>('POST', url, agent, options, DEFAULT_TIMEOUT_MS),
  };
}
