// A TCP relay on 127.0.0.1 that opens each connection to the server from the next address of
// 127.0.0.2–127.0.0.254 (all loopback on Linux). sqlmap closes its connection after every
// request, so the server's per-address limits see ~250 clients instead of one.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TRelay {
  port: number;
  close(): Promise<void>;
}

export async function startSpreadingRelay(serverPort: number): Promise<TRelay> {
  let next = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const localAddress = `127.0.0.${2 + (next++ % 253)}`;
    const upstream = connect({ host: '127.0.0.1', port: serverPort, localAddress });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('relay did not listen');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
