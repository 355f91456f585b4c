/** The host of a URL in lower case, or '' when it is not a URL (kept as data, never thrown on). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
