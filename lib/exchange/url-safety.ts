/**
 * Annotations are only made on web pages, and their URLs end up as links in the
 * UI and in Markdown exports. The record schema accepts any URL (including
 * `javascript:`), so imports and link-writing exports check the scheme here.
 */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The host of a URL, lower-case, or '' when it has none. */
export function hostOf(value: string): string {
  try {
    return new URL(value).hostname.toLowerCase();
  } catch {
    return '';
  }
}
