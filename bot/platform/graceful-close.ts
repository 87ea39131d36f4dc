// Closing the HTTP server without waiting for connections that carry no request: a browser's
// preconnected socket or a load balancer's probe that never sends one, or a keep-alive socket
// between requests, would otherwise hold server.close() until Node's header timeout. Requests in
// flight still finish; their socket is closed right after the answer.
import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionTracker {
  /** Call after server.close(): ends every connection without a request in flight now or when it finishes. */
  closeIdle(): void;
}

export function trackConnections(server: HttpServer): ConnectionTracker {
  const inFlight = new Map<Socket, number>();
  let closing = false;
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (req: { socket: Socket }, res: { once(event: 'close', f: () => void): void }) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const left = Math.max(0, (inFlight.get(socket) ?? 1) - 1);
      inFlight.set(socket, left);
      if (closing && left === 0) socket.end();
    });
  });
  return {
    closeIdle() {
      closing = true;
      for (const [socket, count] of inFlight) if (count === 0) socket.destroy();
    },
  };
}
