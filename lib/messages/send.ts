// The content script's side of the protocol: one typed call per message. The background answers
// through lib/messages/listen.ts; both speak the Envelope / Reply of lib/messages/protocol.ts.
import type { Envelope, MessageType, Reply, Request, Responses } from './protocol';

export async function send<T extends MessageType>(type: T, data: Request<T>): Promise<Responses[T]> {
  const envelope: Envelope<T> = { vasc: 1, type, data };
  const reply = await browser.runtime.sendMessage(envelope) as Reply<T> | undefined;
  if (!reply) throw new Error('No response');
  if ('err' in reply) throw new Error(reply.err || 'Error');
  return reply.res;
}
