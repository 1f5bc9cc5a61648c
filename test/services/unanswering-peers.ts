import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';

/**
 * Loopback TCP peers that never finish an HTTP exchange, for "does this call end?" tests:
 * - a path holding `/stall`: a 200 with Content-Length 1000 and 7 bytes of it, then nothing;
 * - a path holding `/short`: the same, then the connection is closed;
 * - any other path (`/silent…`): accepts, reads the request, never answers.
 * The request path is what decides, so one server covers every case of a test file.
 */
export interface UnansweringPeers {
  url: string;
  /** Requests seen so far (method and path). */
  seen: string[];
  close(): Promise<void>;
}

export async function startUnansweringPeers(): Promise<UnansweringPeers> {
  const sockets = new Set<Socket>();
  const seen: string[] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let head = '';
    socket.on('data', (chunk) => {
      if (head.includes('\r\n\r\n')) return;
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const [method, path = ''] = head.split(' ');
      seen.push(`${method} ${path}`);
      const partial = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id":1';
      if (path.includes('/stall')) socket.write(partial);
      else if (path.includes('/short')) socket.end(partial);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
