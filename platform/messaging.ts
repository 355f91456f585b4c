import { browser } from 'wxt/browser';
import { request as requestVia } from '../lib/messages/client';
import type { RequestOf, RequestType } from '../lib/messages/protocol';

/** Sends a typed request to the background from a content script or an extension page. */
export function ask<T extends RequestType>(message: RequestOf<T>) {
  return requestVia<T>((m) => browser.runtime.sendMessage(m), message);
}
