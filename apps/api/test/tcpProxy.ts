/**
 * A TCP proxy between the api and a server (MariaDB, Redis) that a test can stop, as if the
 * server had gone away, and start again on the same port.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  host: string;
  port: number;
  /** Refuses new connections and cuts the open ones. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const connections = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const listen = async () => {
    const proxy = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host);
      connections.add(client);
      connections.add(upstream);
      const cut = () => {
        client.destroy();
        upstream.destroy();
        connections.delete(client);
        connections.delete(upstream);
      };
      client.on('error', cut).on('close', cut);
      upstream.on('error', cut).on('close', cut);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      proxy.once('error', reject);
      proxy.listen(port, '127.0.0.1', () => resolve());
    });
    port = (proxy.address() as AddressInfo).port;
    server = proxy;
  };

  await listen();
  return {
    host: '127.0.0.1',
    get port() {
      return port;
    },
    async stop() {
      const proxy = server;
      server = null;
      for (const socket of connections) {
        socket.destroy();
      }
      connections.clear();
      if (proxy !== null) {
        await new Promise<void>((resolve) => proxy.close(() => resolve()));
      }
    },
    async start() {
      if (server === null) {
        await listen();
      }
    },
  };
}
