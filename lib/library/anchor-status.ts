/**
 * Whether a note was found on its page the last time the page was open.
 * Only the page knows (anchoring runs there), so the page session's tab report
 * is recorded per note, and the library lists orphans of every page from it.
 */
export interface AnchorStatus {
  /** The annotation's id. */
  id: string;
  canonicalUrl: string;
  state: 'attached' | 'orphaned';
  lastSeenAt: string;
  /** When the note was first found missing, kept across visits while it stays missing. */
  orphanedSince: string | null;
}

/** Re-writing an unchanged status only to move `lastSeenAt` is done at most this often. */
export const LAST_SEEN_RESOLUTION_MS = 6 * 3_600_000;

/** The row to store after a visit, or null when the stored one is still true (no write). */
export function nextAnchorStatus(previous: AnchorStatus | undefined, seen: { id: string; canonicalUrl: string; state: AnchorStatus['state'] }, now: Date): AnchorStatus | null {
  const stamp = now.toISOString();
  if (previous && previous.state === seen.state && previous.canonicalUrl === seen.canonicalUrl) {
    if (now.getTime() - Date.parse(previous.lastSeenAt) < LAST_SEEN_RESOLUTION_MS) return null;
    return { ...previous, lastSeenAt: stamp };
  }
  return {
    id: seen.id,
    canonicalUrl: seen.canonicalUrl,
    state: seen.state,
    lastSeenAt: stamp,
    orphanedSince: seen.state === 'orphaned' ? (previous?.state === 'orphaned' ? previous.orphanedSince : stamp) : null,
  };
}
