import { Request, type Reply, type ReplyData, type RequestOf, type RequestType } from './protocol';

export type Handlers = { [T in RequestType]: (request: RequestOf<T>, sender: SenderInfo) => Promise<ReplyData[T]> };

/** What the browser tells us about who sent a message, reduced to what we check. */
export interface SenderInfo {
  id?: string;
  /** Set when the message comes from a content script (or a page embedded in a tab). */
  tabId?: number;
  /**
   * True when the sender is one of the extension's own pages (its URL is in the
   * extension's origin), false for a content script running in a web page.
   */
  extensionPage?: boolean;
}

/** For messages only the extension's own pages may send (the library's): a content script is refused. */
export function requireExtensionPage(sender: SenderInfo): void {
  if (sender.extensionPage !== true) throw new Error('refused: only the extension\'s own pages may send this message');
}

/**
 * Validates and dispatches one message. Messages from any other extension are
 * refused: only our own content scripts and pages share our extension id.
 */
export async function routeMessage(raw: unknown, sender: SenderInfo, selfId: string, handlers: Handlers): Promise<Reply<unknown>> {
  if (sender.id !== selfId) return { ok: false, error: 'refused: message does not come from this extension' };
  const parsed = Request.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid message: ${issue ? `${issue.path.join('.') || '(message)'}: ${issue.message}` : 'unknown'}` };
  }
  const request = parsed.data;
  const handler = handlers[request.type] as (r: typeof request, s: SenderInfo) => Promise<unknown>;
  try {
    return { ok: true, data: await handler(request, sender) };
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
