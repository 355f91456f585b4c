/**
 * The curator writes "article 000" and "article 003" in notes, after the
 * source files' numbers; a reader knows the articles by title. Each such
 * reference becomes the article's title in quotes ("Both articles" stays).
 */
export function nameSources(note: string, sources: ReadonlyMap<string, { title: string }>): string {
  return note.replace(/\b([Aa])rticle (\d{3})\b/g, (whole, a: string, n: string) => {
    const title = sources.get(`src-${n}`)?.title;
    return title ? `${a === 'A' ? 'The' : 'the'} article “${title}”` : whole;
  });
}
