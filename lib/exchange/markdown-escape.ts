/**
 * Escaping for text that comes from web pages (titles, quotes) so that it shows
 * as written in note-taking apps (Obsidian, Logseq, Joplin…) instead of being
 * read as Markdown or HTML: a quote that begins with "# " must not become a
 * heading, "<script>" must not become a tag, "[x](javascript:…)" must not become
 * a link.
 */
const INLINE = /[\\`*_{}[\]<>|~!]/g;

export function escapeMarkdownInline(text: string): string {
  return (
    text
      .replace(INLINE, (c) => '\\' + c)
      // "&amp;" would show as "&": escape only what an entity reference would eat.
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
  );
}

/** Escapes one line, including what only matters at its start (headings, lists, quotes, rules). */
export function escapeMarkdownLine(line: string): string {
  let out = escapeMarkdownInline(line);
  out = out.replace(/^(\s*)([#>+=-])/, '$1\\$2');
  out = out.replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return out;
}

/** Escapes text that may run over several lines, keeping its line breaks. */
export function escapeMarkdownBlock(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeMarkdownLine)
    .join('\n');
}

/** A URL inside `( )` of a link: spaces and brackets percent-encoded so the link cannot end early. */
export function markdownLinkTarget(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
