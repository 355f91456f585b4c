import { SyncError } from './sync-error';

/**
 * The Authorization header for HTTP Basic (RFC 7617) with the credentials as
 * UTF-8, which is what Nextcloud and Apache expect for non-ASCII passwords
 * (`btoa` alone only takes Latin-1).
 */
export function basicAuthorization(username: string, password: string): string {
  if (username.includes(':')) throw new SyncError('config', 'the user name may not contain ":" (HTTP Basic cannot carry it)');
  return 'Basic ' + base64(new TextEncoder().encode(`${username}:${password}`));
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!;
    out += c === undefined ? '=' : ALPHABET[n & 63]!;
  }
  return out;
}
