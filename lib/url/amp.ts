/**
 * AMP ("Accelerated Mobile Pages") copies of an article live at other URLs
 * than the article: on Google's AMP cache, behind the Google AMP viewer, or
 * at `/amp/`, `.amp` or `?amp=1` variants on the publisher's own site. Notes
 * made on any of them belong with the article.
 */

const AMP_CACHE_HOST = /\.cdn\.ampproject\.org$/;
const GOOGLE_HOST = /^(www\.)?google\.[a-z.]+$/;

/**
 * The publisher URL behind an AMP cache or Google AMP viewer URL, or undefined
 * when `url` is neither.
 *   https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a/b → https://www.example.com/a/b
 *   https://www.google.com/amp/s/www.example.com/a/b                  → https://www.example.com/a/b
 */
export function unwrapAmpViewerUrl(url: URL): URL | undefined {
  const segments = url.pathname.split('/').slice(1);
  let rest: string[];
  if (AMP_CACHE_HOST.test(url.hostname)) {
    // /c/ content, /v/ viewer, /wp/ web package
    if (!['c', 'v', 'wp'].includes(segments[0] ?? '')) return undefined;
    rest = segments.slice(1);
  } else if (GOOGLE_HOST.test(url.hostname) && segments[0] === 'amp') {
    rest = segments.slice(1);
  } else {
    return undefined;
  }
  let scheme = 'http:';
  if (rest[0] === 's') {
    scheme = 'https:';
    rest = rest.slice(1);
  }
  const [host, ...path] = rest;
  if (!host || !host.includes('.')) return undefined;
  try {
    return new URL(`${scheme}//${host}/${path.join('/')}${url.search}`);
  } catch {
    return undefined;
  }
}

/** Query parameters that only select the AMP rendering of a page. */
export function isAmpParam(name: string, value: string): boolean {
  const key = name.toLowerCase();
  if (['amp', 'amp_js_v', 'amp_gsa', 'amp_r', 'usqp'].includes(key)) return true;
  // e.g. Arc XP sites: ?outputType=amp or ?outputType=amp-type
  return key === 'outputtype' && value.toLowerCase().startsWith('amp');
}

/**
 * The article path for an AMP path:
 *   /2025/03/story/amp/ → /2025/03/story/     /2025/03/story/amp → /2025/03/story
 *   /news/story.amp     → /news/story         /news/story.amp.html → /news/story.html
 * A leading /amp/ segment is left alone: on some sites it is a real section.
 */
export function stripAmpPath(pathname: string): string {
  const trailing = /^(.*\/)amp(\/?)$/.exec(pathname);
  if (trailing && trailing[1] && trailing[1] !== '/') {
    const base = trailing[1];
    return trailing[2] ? base : base.slice(0, -1);
  }
  // Most paths hold no ".amp": they skip the case-insensitive expression, whose first compilation is a
  // good part of the every-page script's notes lookup.
  if (!pathname.toLowerCase().includes('.amp')) return pathname;
  return pathname.replace(/\.amp(\.html?)?$/i, (_, ext: string | undefined) => ext ?? '');
}
