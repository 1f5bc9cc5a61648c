import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A slow, lossy link in user space, for kernels without sch_netem: a TCP proxy that holds every
 * chunk for `delayMs` in each direction and, for a seeded share of chunks, stalls the stream for
 * `stallMs` more — what a lost segment costs a TCP stream once it is retransmitted (the stream
 * above netem sees exactly that: late, in-order bytes). Order is kept per direction.
 */
export interface SlowLink {
  address: string;
  port: number;
  /** Chunks held back by a stall so far, to show the test met some. */
  stalls(): number;
  close(): Promise<void>;
}

export interface SlowLinkOptions {
  listen: { address: string; port: number };
  target: { address: string; port: number };
  delayMs: number;
  stallMs: number;
  stallRate: number;
  seed: number;
  /** Flip one bit of the byte at this offset of one direction: a corrupt stream. */
  corrupt?: { at: number; direction: 'reply' | 'request' };
  /** Deliver the host's reply chunk with this index after the next one: a reordered stream. */
  swapReplyChunk?: number;
}

export async function slowLink(o: SlowLinkOptions): Promise<SlowLink> {
  let state = o.seed >>> 0 || 1;
  // xorshift32: the same stalls on every run, so a failure can be replayed.
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  let stalls = 0;
  const sockets = new Set<Socket>();
  const relay = (from: Socket, to: Socket, corruptAt?: number, swapAt?: number) => {
    let seen = 0;
    let chunks = 0;
    let held: Buffer | undefined;
    // One queue and one timer per direction: timers of different lengths due at the same
    // millisecond may fire in either order, and a reordered chunk is a corrupt SSH stream.
    const queue: { due: number; chunk: Buffer | null }[] = [];
    let timer: NodeJS.Timeout | undefined;
    const pump = () => {
      timer = undefined;
      while (queue.length > 0 && (queue[0] as { due: number }).due <= Date.now()) {
        const { chunk } = queue.shift() as { chunk: Buffer | null };
        if (to.destroyed) continue;
        if (chunk) to.write(chunk);
        else to.end();
      }
      if (queue.length > 0) timer = setTimeout(pump, (queue[0] as { due: number }).due - Date.now());
    };
    const push = (chunk: Buffer | null, extra: number) => {
      const last = queue.at(-1)?.due ?? 0;
      queue.push({ due: Math.max(last, Date.now() + o.delayMs + extra), chunk });
      if (!timer) timer = setTimeout(pump, (queue[0] as { due: number }).due - Date.now());
    };
    from.on('data', (chunk: Buffer) => {
      const stall = random() < o.stallRate;
      if (stall) stalls++;
      if (corruptAt !== undefined && corruptAt >= seen && corruptAt < seen + chunk.length) {
        chunk = Buffer.from(chunk);
        chunk[corruptAt - seen] = (chunk[corruptAt - seen] as number) ^ 0x10;
      }
      seen += chunk.length;
      if (chunks++ === swapAt) {
        held = chunk;
        return;
      }
      push(chunk, stall ? o.stallMs : 0);
      if (held) push(held, 0);
      held = undefined;
    });
    from.on('end', () => push(null, 0));
    from.on('error', () => to.destroy());
  };
  const server: Server = createServer((client) => {
    const upstream = connect(o.target.port, o.target.address);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    relay(client, upstream, o.corrupt?.direction === 'request' ? o.corrupt.at : undefined);
    relay(upstream, client, o.corrupt?.direction === 'reply' ? o.corrupt.at : undefined, o.swapReplyChunk);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.listen.port, o.listen.address, () => resolve());
  });
  return {
    address: o.listen.address,
    port: o.listen.port,
    stalls: () => stalls,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
