import type { ReplyData as DataOf, RequestOf, RequestType } from './protocol';

export type Transport = (message: unknown) => Promise<unknown>;

/** The background answered with an error; the message says what went wrong. */
export class RemoteError extends Error {
  override name = 'RemoteError';
}

/**
 * Sends one request and unwraps the reply. The envelope is checked by hand
 * rather than with Zod: the always-on content script uses this, and must stay
 * small. The background validates every request with Zod.
 */
export async function request<T extends RequestType>(transport: Transport, message: RequestOf<T>): Promise<DataOf[T]> {
  const raw = await transport(message);
  if (typeof raw !== 'object' || raw === null || typeof (raw as { ok?: unknown }).ok !== 'boolean') {
    throw new RemoteError('no valid reply from the extension background');
  }
  const reply = raw as { ok: boolean; data?: unknown; error?: unknown };
  if (!reply.ok) throw new RemoteError(typeof reply.error === 'string' ? reply.error : 'unknown error');
  return reply.data as DataOf[T];
}
