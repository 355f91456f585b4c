import { z } from '../schema/zod';

/** The reader's WebDAV sync set-up. Kept in the extension's IndexedDB, which content scripts cannot open. */
export const SyncConfig = z.object({
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'the sync address must start with https:// (or http:// for a server on this computer)'),
  username: z.string().min(1, 'a user name is needed'),
  password: z.string().min(1, 'a password is needed'),
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
