import { z } from '../schema/zod';

/** The reader's WebDAV sync set-up. Kept in the extension's IndexedDB, which content scripts cannot open. */
export const SyncConfig = z.object({
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'the sync address must start with https:// (or http:// for a server on this computer)'),
  username: z.string().min(1, 'a user name is needed'),
  password: z.string().min(1, 'a password is needed'),
  /**
   * The origin the password was entered for. The password is sent only there:
   * a new address on another origin needs it typed again.
   */
  passwordOrigin: z.string().optional(),
  /** 0 = only when the reader presses "Sync now". */
  intervalMinutes: z.number().int().min(0).max(24 * 60).default(0),
});
export type SyncConfig = z.infer<typeof SyncConfig>;

export const SyncStatus = z.object({
  at: z.string(),
  ok: z.boolean(),
  message: z.string(),
  /** For a failure: its SyncErrorKind (lib/sync/sync-error.ts), which the interface puts in words. */
  kind: z.string().max(40).optional(),
  pulled: z.number().int().default(0),
  pushed: z.number().int().default(0),
  conflicts: z.number().int().default(0),
  /** Dataset layer records received and sent (the layer syncs with the notes). */
  datasetPulled: z.number().int().default(0),
  datasetPushed: z.number().int().default(0),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** What the options page may see: never the password itself. */
export interface SyncConfigView {
  url: string;
  username: string;
  hasPassword: boolean;
  intervalMinutes: number;
  status: SyncStatus | null;
}

/** `https://host[:port]` of an address, or null when it is not a URL. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Why an address cannot be used for sync, checked when it is entered; null when it can. */
export function syncAddressProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `not a valid address: ${url}`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'the sync address must start with https://';
  if (parsed.username !== '' || parsed.password !== '') return 'put the user name and password in their own fields, not in the address';
  if (parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
    return 'plain http:// would send the password unencrypted: use https:// (http:// is accepted only for a server on this computer)';
  }
  return null;
}
