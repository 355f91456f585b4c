import type { MessageKey, Translate } from '../lib/i18n';
import { errorKind, type ErrorKind } from '../lib/messages/error-kind';

const KEY: Record<ErrorKind, MessageKey> = {
  'storage-full': 'common.errorStorageFull',
  refused: 'common.errorRefused',
  'invalid-message': 'common.errorInvalidMessage',
};

/**
 * An error from the background as the reader should read it: a known kind in
 * the interface language, anything else as it came (it names what failed).
 */
export function errorText(t: Translate, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const kind = errorKind(message);
  return kind ? t(KEY[kind]) : message;
}
