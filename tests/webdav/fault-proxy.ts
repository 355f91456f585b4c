/**
 * A small HTTP proxy on 127.0.0.1 that sits in front of the test WebDAV server
 * and breaks chosen requests the ways real networks and servers do: an error
 * status, a connection dropped before or after the server acted, a request
 * body cut off half way.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Fault =
  /** Forward as is. */
  | 'pass'
  /** Answer 500 without forwarding. */
  | 'error-500'
  /** Close the connection without forwarding: the server never sees the request. */
  | 'drop-before'
  /** Forward, let the server act, then close the connection instead of answering. */
  | 'drop-after'
  /** Forward only the first half of the body, then cut both connections. */
  | 'truncate-body';

export interface ProxiedRequest {
  method: string;
  path: string;
  /** 1-based count of requests seen by the proxy. */
  n: number;
}

export interface FaultProxy {
  baseUrl: string;
  /** Decides what to do with each request; defaults to 'pass'. */
  decide: (req: ProxiedRequest) => Fault;
  log: Array<ProxiedRequest & { fault: Fault; status?: number }>;
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  let n = 0;
  const proxy: FaultProxy = {
    baseUrl: '',
    decide: () => 'pass',
    log: [],
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      n += 1;
      const info: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', n };
      const fault = proxy.decide(info);
      const entry: FaultProxy['log'][number] = { ...info, fault };
      proxy.log.push(entry);
      const body = Buffer.concat(chunks);

      if (fault === 'error-500') {
        entry.status = 500;
        res.writeHead(500, { 'Content-Type': 'text/plain', Connection: 'close' });
        res.end('injected failure');
        return;
      }
      if (fault === 'drop-before') {
        req.socket.destroy();
        return;
      }

      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: targetPort,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: `127.0.0.1:${targetPort}`, connection: 'close' },
        },
        (up) => {
          const parts: Buffer[] = [];
          up.on('data', (c: Buffer) => parts.push(c));
          up.on('end', () => {
            entry.status = up.statusCode;
            if (fault === 'drop-after') {
              req.socket.destroy();
              return;
            }
            const headers = { ...up.headers };
            delete headers['transfer-encoding'];
            delete headers['connection'];
            const payload = Buffer.concat(parts);
            headers['content-length'] = String(payload.length);
            res.writeHead(up.statusCode ?? 502, headers);
            res.end(payload);
          });
        },
      );
      upstream.on('error', () => req.socket.destroy());
      if (fault === 'truncate-body') {
        // Announce the full length, send half, then cut: the server must not keep half a document.
        upstream.setHeader('content-length', String(body.length));
        upstream.write(body.subarray(0, Math.floor(body.length / 2)), () => {
          setTimeout(() => {
            upstream.destroy();
            req.socket.destroy();
          }, 50);
        });
        return;
      }
      upstream.end(body);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  proxy.baseUrl = `http://127.0.0.1:${port}/`;
  return proxy;
}
