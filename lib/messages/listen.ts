// The background's side of the protocol: every request is checked (sender, type, shape) against
// the table in lib/messages/protocol.ts before a handler sees it, and every answer or error goes
// back as a Reply.
import type { Browser } from 'wxt/browser';
import { describeIssues } from '../model';
import { ValidationError } from '../db/writes';
import { requests, type MessageType, type Reply, type Request, type Responses } from './protocol';

export type Sender = Browser.runtime.MessageSender;
export type Handlers = { [T in MessageType]: (data: Request<T>, sender: Sender) => Promise<Responses[T]> };

/** Checks the sender and the message's shape before a handler sees it. */
export async function dispatch<T extends MessageType>(
  handlers: Handlers, type: T, data: unknown, sender: Sender,
): Promise<Responses[T]> {
  if (sender.id !== browser.runtime.id) throw new Error('Refused: the message did not come from VA Scorecard');
  const schema = Object.hasOwn(requests, type) ? requests[type] : undefined;
  if (!schema) throw new ValidationError(`Unknown message "${String(type)}"`);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ValidationError(`Invalid "${type}" message: ${describeIssues(parsed.error)}`);
  return handlers[type](parsed.data as Request<T>, sender);
}

const isEnvelope = (m: unknown): m is { vasc: 1; type: MessageType; data: unknown } =>
  typeof m === 'object' && m !== null && (m as { vasc?: unknown }).vasc === 1 && typeof (m as { type?: unknown }).type === 'string';

/** Answers our envelopes; anything else is left for other listeners. */
export function serve(handlers: Handlers) {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    if (!isEnvelope(message)) return undefined;
    return dispatch(handlers, message.type, message.data, sender).then(
      (res): Reply => ({ res }),
      (e: unknown): Reply => ({ err: e instanceof Error ? e.message : String(e) }),
    );
  });
}
