import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onCleanup } from './lib/scratch.js';

/** Where and how registrations are posted. */
export interface Post {
  url: string;
  cookie: string;
  /** The status every answer must have: a benchmark of refusals measures nothing. */
  status: number;
}

export interface Load {
  label: string;
  clients: number;
  ms: number;
  perSecond: number;
  latencies: number[];
  /** The last answer's body (the bare server answers with it). */
  lastBody: string;
}

/**
 * Posts every item, `clients` at a time: client c sends its own items one after another (one
 * sampling table), all clients at once. Latency is per request; the rate is over the whole run.
 */
export async function runLoad(
  post: Post,
  items: ReadonlyArray<{ client: number; body: string }>,
  clients: number,
): Promise<Load> {
  const latencies: number[] = [];
  let lastBody = '';
  const client = async (c: number) => {
    for (const item of items) {
      if (item.client !== c) continue;
      const start = performance.now();
      const response = await fetch(post.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: post.cookie },
        body: item.body,
      });
      const text = await response.text();
      latencies.push(performance.now() - start);
      if (response.status !== post.status)
        throw new Error(`POST ${post.url}: ${response.status} ${text.slice(0, 300)}`);
      lastBody = text;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const ms = performance.now() - start;
  return { label: '', clients, ms, perSecond: (items.length / ms) * 1000, latencies, lastBody };
}

/**
 * The baseline: bare node:http on loopback reading and parsing each JSON body and answering 201
 * with `answer` (a real registration's response), nothing else.
 */
export async function startBareServer(answer: string): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      response.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
      response.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = onCleanup(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { base: `http://127.0.0.1:${port}`, close };
}
