/**
 * MLLP (Minimal Lower Layer Protocol) over TCP: each HL7 message travels as
 * 0x0B <message> 0x1C 0x0D. A connection carries any number of messages, and TCP may split or
 * join frames anywhere, so bytes are buffered until a whole frame is there. Messages of one
 * connection are handled one after another, each answered (framed) before the next is read.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

const START_BLOCK = 0x0b;
const END_BLOCK = 0x1c;
const CARRIAGE_RETURN = 0x0d;

/** A frame larger than this closes the connection (no legitimate order comes near it). */
const MAX_FRAME_BYTES = 1024 * 1024;

export interface MllpServerOptions {
  port: number;
  host?: string;
  /** Text encoding of the messages, e.g. 'latin1'. */
  encoding: BufferEncoding;
  log: Logger;
  /** Answers one message; `remoteAddress` is the peer's IP address (IPv4 without `::ffff:`). */
  handle(message: string, remoteAddress: string): Promise<string>;
}

export interface MllpServer {
  port: number;
  close(): Promise<void>;
}

/** `::ffff:127.0.0.1` → `127.0.0.1`. */
export function plainAddress(address: string | undefined): string {
  const text = address ?? 'unknown';
  return text.startsWith('::ffff:') && text.includes('.') ? text.slice('::ffff:'.length) : text;
}

/** Wraps a message in MLLP framing. */
export function mllpFrame(message: string, encoding: BufferEncoding): Buffer {
  return Buffer.concat([
    Buffer.from([START_BLOCK]),
    Buffer.from(message, encoding),
    Buffer.from([END_BLOCK, CARRIAGE_RETURN]),
  ]);
}

/**
 * Splits the complete frames off the front of `buffer`. Bytes before a start block are
 * dropped (line noise); an unfinished frame stays in `rest`.
 */
export function takeFrames(buffer: Buffer): { frames: Buffer[]; rest: Buffer } {
  const frames: Buffer[] = [];
  let position = 0;
  for (;;) {
    const start = buffer.indexOf(START_BLOCK, position);
    if (start < 0) {
      return { frames, rest: Buffer.alloc(0) };
    }
    let end = buffer.indexOf(END_BLOCK, start + 1);
    while (end >= 0 && end + 1 < buffer.length && buffer[end + 1] !== CARRIAGE_RETURN) {
      end = buffer.indexOf(END_BLOCK, end + 1);
    }
    if (end < 0 || end + 1 >= buffer.length) {
      return { frames, rest: buffer.subarray(start) };
    }
    frames.push(buffer.subarray(start + 1, end));
    position = end + 2;
  }
}

export async function startMllpServer(options: MllpServerOptions): Promise<MllpServer> {
  const { encoding, log } = options;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    const remoteAddress = plainAddress(socket.remoteAddress);
    let pending: Buffer = Buffer.alloc(0);
    let queue = Promise.resolve();
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = takeFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      if (pending.length > MAX_FRAME_BYTES) {
        log.warn({ remoteAddress }, 'mllp frame too large, connection closed');
        socket.destroy();
        return;
      }
      for (const frame of frames) {
        const message = frame.toString(encoding);
        queue = queue.then(async () => {
          const answer = await options.handle(message, remoteAddress);
          if (!socket.destroyed) {
            socket.write(mllpFrame(answer, encoding));
          }
        });
        queue = queue.catch((error: unknown) => {
          log.error({ err: error, remoteAddress }, 'mllp message not answered');
        });
      }
    });
    socket.on('error', (error) => log.warn({ err: error, remoteAddress }, 'mllp connection'));
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log.error({ err: error }, 'mllp server'));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) {
        socket.destroy();
      }
      await closed;
    },
  };
}
