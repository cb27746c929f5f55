// The content script's side of lib/messages.ts, in a few lines: the same typed protocol and the
// same wire format as @webext-core/messaging ({id, type, data, timestamp} → {res} | {err}), whose
// sending half (with its error serialiser) would cost ~1 KB of the content script's 15 KB gzip.
// test/lib/content/send.test.ts runs it against the library's real listener.
import type { MessageType, Request, Responses } from './protocol';

let seq = Math.floor(Math.random() * 1e4);

export async function send<T extends MessageType>(type: T, data: Request<T>): Promise<Responses[T]> {
  const reply = await browser.runtime.sendMessage({ id: seq++, type, data, timestamp: Date.now() }) as
    { res?: Responses[T]; err?: { message?: string } } | undefined;
  if (!reply) throw new Error('No response');
  if (reply.err) throw new Error(reply.err.message || 'Error');
  return reply.res as Responses[T];
}
