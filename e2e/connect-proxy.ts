/**
 * A plain-HTTP proxy on loopback that tunnels CONNECT for the mocked hostnames to the loopback
 * HTTPS mock (server.ts) and refuses everything else. Firefox has no host-resolver rules, so its
 * proxy prefs point here instead: the browser still speaks TLS to "api.keyapi.ai" and checks the
 * Host header and name it believes in, and nothing of its own background traffic leaves the machine.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ConnectProxy {
  port: number;
  /** `host:port` of every CONNECT or plain request that was refused, in order. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * @param targetPort the loopback port of the HTTPS mock every allowed host is tunnelled to
 * @param hosts hostnames tunnelled on port 443; others get 403
 */
export async function startConnectProxy(
  targetPort: number,
  hosts: readonly string[],
): Promise<ConnectProxy> {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // A plain http:// request through the proxy: nothing of ours is served over plain HTTP.
    refused.push(req.headers.host ?? req.url ?? '?');
    res.writeHead(403, { 'content-type': 'text/plain' }).end('Refused by the e2e proxy');
  });
  server.on('connection', track);
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
    if (!m || m[2] !== '443' || !allowed.has(m[1]!.toLowerCase())) {
      refused.push(target);
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ready());
  });

  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
