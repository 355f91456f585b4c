import { Request, type Reply, type ReplyData, type RequestOf, type RequestType } from './protocol';
import { classifySender, refusal, type Self, type SenderInfo } from './capabilities';

export type { SenderInfo, Self } from './capabilities';

/** Who a handler is serving, once the router has checked it may. */
export interface Caller {
  kind: 'extension-page' | 'content-script';
  /** A content script's own tab (from the browser, never from the message); an extension page's tab when it is framed in one. */
  tabId?: number;
}

/**
 * A second lock for handlers that only extension pages may reach (the
 * library's): the router already refuses them to content scripts, since they
 * are not in `CAPABILITIES`; this keeps them refused if a row is added by mistake.
 */
export function requireExtensionPage(caller: Caller): void {
  if (caller.kind !== 'extension-page') throw new Error('refused: only the extension\'s own pages may send this message');
}

export type Handlers = { [T in RequestType]: (request: RequestOf<T>, caller: Caller) => Promise<ReplyData[T]> };

/**
 * Checks who sent a message, validates it, checks that this sender may send
 * it (`CAPABILITIES`), then dispatches it. Messages from any other extension
 * are refused, and so is anything a content script may not do.
 */
export async function routeMessage(raw: unknown, sender: SenderInfo, self: Self, handlers: Handlers): Promise<Reply<unknown>> {
  const role = classifySender(sender, self);
  if (role.kind === 'refused') return { ok: false, error: role.reason };
  const parsed = Request.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid message: ${issue ? `${issue.path.join('.') || '(message)'}: ${issue.message}` : 'unknown'}` };
  }
  const request = parsed.data;
  const refused = refusal(request, role);
  if (refused) return { ok: false, error: refused };
  const caller: Caller = { kind: role.kind, ...(role.tabId === undefined ? {} : { tabId: role.tabId }) };
  const handler = handlers[request.type] as (r: typeof request, c: Caller) => Promise<unknown>;
  try {
    return { ok: true, data: await handler(request, caller) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    // Dexie reports a full disk by name; say what it means for the reader.
    if (error.name === 'QuotaExceededError' || /QuotaExceeded/.test(error.message)) {
      return 'storage is full: the browser refused to save. Free some disk space or export and remove old notes; nothing was changed.';
    }
    return error.message;
  }
  return String(error);
}
