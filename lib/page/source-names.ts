/**
 * The curator writes "article 000" and "article 003" in notes ("artículo 000"
 * in the Spanish ones), after the source files' numbers; a reader knows the
 * articles by title. Each such reference becomes the article's title in quotes
 * ("Both articles" stays). The Spanish notes always put the article ("el
 * artículo 000") before a lowercase reference, so only a capitalised one, which
 * opens a sentence or a title, gains "El".
 */
export function nameSources(note: string, sources: ReadonlyMap<string, { title: string }>): string {
  return note
    .replace(/\b([Aa])rticle (\d{3})\b/g, (whole, a: string, n: string) => {
      const title = sources.get(`src-${n}`)?.title;
      return title ? `${a === 'A' ? 'The' : 'the'} article “${title}”` : whole;
    })
    .replace(/(^|[^\p{L}])([Aa])rtículo (\d{3})\b/gu, (whole, before: string, a: string, n: string) => {
      const title = sources.get(`src-${n}`)?.title;
      return title ? `${before}${a === 'A' ? 'El artículo' : 'artículo'} “${title}”` : whole;
    });
}
