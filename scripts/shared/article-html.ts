const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/**
 * A plain-text article as a web page, one paragraph per line, so that the
 * bundled source articles can be opened in a browser. Text is escaped, never
 * interpreted as markup.
 */
export function articleHtml(title: string, text: string, lang: string): string {
  const paragraphs = text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `  <p>${escapeHtml(line)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>body { font: 18px/1.6 Georgia, serif; max-width: 720px; margin: 0 auto; padding: 24px; color: #222; }</style>
</head>
<body>
<article>
  <h1>${escapeHtml(title)}</h1>
${paragraphs}
</article>
</body>
</html>
`;
}
