import { browser } from 'wxt/browser';
import { request as requestVia } from '../lib/messages/client';
import { timedAsync } from './content/timeline';
import type { RequestOf, RequestType } from '../lib/messages/protocol';

/** Sends a typed request to the background from a content script or an extension page. */
export function ask<T extends RequestType>(message: RequestOf<T>) {
  // Each round trip on the sender's timeline (`cecot-lens:ask:<type>`), for the breakdown of `npm run bench`.
  return timedAsync(`ask:${message.type}`, () => requestVia<T>((m) => browser.runtime.sendMessage(m), message));
}
