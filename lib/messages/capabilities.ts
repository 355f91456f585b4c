import { sameSite } from '../url/registrable-domain';
import type { Request, RequestType } from './protocol';

/** What the browser tells us about who sent a message, reduced to what we check. */
export interface SenderInfo {
  /** The sending extension's id (`runtime.MessageSender.id`). */
  id?: string;
  /** The sending document's URL (`sender.url`): an extension page's own URL, or the page a content script runs in. */
  url?: string;
  /** The sending document's origin (`sender.origin`; Chrome only). */
  origin?: string;
  /** Set when the message comes from a document in a tab: a content script, or our sidebar framed in a page. */
  tabId?: number;
  /** 0 for a tab's top document. */
  frameId?: number;
}

/** Who, in terms of what it may do, sent a message. */
export type SenderRole =
  | { kind: 'extension-page'; tabId?: number }
  | { kind: 'content-script'; tabId: number; page: URL }
  | { kind: 'refused'; reason: string };

export interface Self {
  id: string;
  /** This extension's origin: `chrome-extension://<id>` or `moz-extension://<uuid>`, without a trailing slash. */
  origin: string;
}

/**
 * Tells extension pages from content scripts by the document that sent the
 * message. Not by `sender.tab`: our sidebar, framed inside a page where the
 * browser would not open its own, has a tab too. The URL is set by the
 * browser, so a page (or a compromised renderer running our content script)
 * cannot claim an extension page's powers by what it puts in the message.
 */
export function classifySender(sender: SenderInfo, self: Self): SenderRole {
  if (sender.id !== self.id) return { kind: 'refused', reason: 'refused: message does not come from this extension' };
  const origin = self.origin.replace(/\/$/, '');
  const url = sender.url ?? '';
  const fromOwnOrigin = url.startsWith(`${origin}/`) && (sender.origin === undefined || sender.origin === origin);
  if (fromOwnOrigin) return { kind: 'extension-page', ...(sender.tabId === undefined ? {} : { tabId: sender.tabId }) };
  if (sender.tabId === undefined) return { kind: 'refused', reason: 'refused: sender is neither an extension page nor a page tab' };
  // Our scripts run in a tab's top document only; a frame's script is not ours to serve.
  if (sender.frameId !== undefined && sender.frameId !== 0) return { kind: 'refused', reason: 'refused: message from a frame inside the page' };
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return { kind: 'refused', reason: 'refused: the sending page has no URL' };
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return { kind: 'refused', reason: 'refused: the sending page is not http(s)' };
  return { kind: 'content-script', tabId: sender.tabId, page };
}

/** Null when the request stays within the content script's own page; else why it does not. */
type Scope<T extends RequestType> = (request: Extract<Request, { type: T }>, page: URL) => string | null;

interface Capability<T extends RequestType> {
  /** Our own pages (options, popup, sidebar — also when framed in a page). */
  extensionPages: boolean;
  /** A content script, for its own tab (the tab always comes from the sender, never from the message), within `scope`. */
  contentScript: Scope<T> | false;
}

type CapabilityTable = { [T in RequestType]?: Capability<T> };

function onSite(label: string, url: string | null | undefined, page: URL): string | null {
  if (url === undefined || url === null) return null;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return `refused: ${label} is not a URL`;
  }
  return sameSite(target.hostname, page.hostname) ? null : `refused: ${label} is not on the sending page's site`;
}

const ownPage = <T extends RequestType>(): Scope<T> => () => null;

/**
 * Which sender may send which message. **A type missing from this table is
 * for extension pages only**: other branches add message types, and a new one
 * must never become reachable from a content script by being forgotten here.
 * Content scripts get only what the page they run in needs — activate,
 * analyse and report itself, open a draft and focus in its own tab, list the
 * notes' places (not their text) on its own site — so that one compromised page reaches nothing else.
 * Documented in the README ("Who may send what").
 */
export const CAPABILITIES: CapabilityTable = {
  'page/activate': {
    extensionPages: false,
    contentScript: (r, page) => onSite('canonicalUrl', r.canonicalUrl, page) ?? onSite('url', r.url, page),
  },
  'page/analyze': { extensionPages: false, contentScript: (r, page) => onSite('url', r.url, page) },
  'page/key': { extensionPages: false, contentScript: (r, page) => onSite('url', r.url, page) },
  'tab/report': {
    extensionPages: false,
    contentScript: (r, page) => onSite('report.url', r.report.url, page) ?? onSite('report.canonicalUrl', r.report.canonicalUrl, page),
  },
  'draft/open': {
    extensionPages: false,
    contentScript: (r, page) => onSite('draft.url', r.draft.url, page) ?? onSite('draft.canonicalUrl', r.draft.canonicalUrl, page),
  },
  'tab/focus': { extensionPages: false, contentScript: ownPage() },
  // The page session draws its page's notes from their anchors (place and colour); the notes' text is for extension pages only.
  'annotations/anchors': { extensionPages: true, contentScript: (r, page) => onSite('canonicalUrl', r.canonicalUrl, page) },
  // Which of the reader's own dataset claims quote this page, so that the session can check their quotes are still there.
  'layer/page-sources': { extensionPages: true, contentScript: (r, page) => onSite('canonicalUrl', r.canonicalUrl, page) },
};

const EXTENSION_PAGES_ONLY: Capability<RequestType> = { extensionPages: true, contentScript: false };

export function capabilityOf<T extends RequestType>(type: T): Capability<T> {
  return (CAPABILITIES[type] as Capability<T> | undefined) ?? (EXTENSION_PAGES_ONLY as unknown as Capability<T>);
}

/** Null when `role` may send `request`; else the reason it may not. */
export function refusal(request: Request, role: SenderRole): string | null {
  if (role.kind === 'refused') return role.reason;
  const capability = capabilityOf(request.type) as Capability<typeof request.type>;
  if (role.kind === 'extension-page') return capability.extensionPages ? null : `refused: ${request.type} is only for a page's content script`;
  if (capability.contentScript === false) return `refused: ${request.type} is only for extension pages`;
  return (capability.contentScript as Scope<typeof request.type>)(request, role.page);
}
