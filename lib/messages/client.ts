import type { Reply, ReplyData as DataOf, RequestOf, RequestType } from './protocol';
import { ReplyEnvelope } from './protocol';

export type Transport = (message: unknown) => Promise<unknown>;

type ReplyData<T extends RequestType> = DataOf[T];

/** The background answered with an error; the message says what went wrong. */
export class RemoteError extends Error {
  override name = 'RemoteError';
}

/**
 * Sends one request and unwraps the reply. The reply envelope is validated so
 * that a missing background (undefined reply) reads as an error, not as data.
 */
export async function request<T extends RequestType>(transport: Transport, message: RequestOf<T>): Promise<ReplyData<T>> {
  const raw = await transport(message);
  const envelope = ReplyEnvelope.safeParse(raw);
  if (!envelope.success) throw new RemoteError('no valid reply from the extension background');
  const reply = envelope.data as Reply<ReplyData<T>>;
  if (!reply.ok) throw new RemoteError(reply.error);
  return reply.data;
}
