const ES = new Set(['de', 'la', 'que', 'el', 'en', 'los', 'las', 'del', 'se', 'por', 'una', 'para', 'con', 'según', 'su', 'al', 'es', 'fue', 'como', 'más']);
const EN = new Set(['the', 'of', 'and', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'said', 'on', 'by', 'as', 'are', 'from', 'it', 'has', 'have', 'were']);

/**
 * "en" or "es" from the commonest function words of the first few KB: enough
 * for the two languages the engine reads, and for choosing a sentence segmenter.
 */
export function detectLanguage(text: string, sample = 4000): 'en' | 'es' {
  let en = 0;
  let es = 0;
  const re = /[a-záéíóúñü]+/gi;
  const s = text.slice(0, sample).toLowerCase();
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (EN.has(m[0])) en++;
    else if (ES.has(m[0])) es++;
  }
  return es > en ? 'es' : 'en';
}

/** The primary subtag of a `lang` attribute ("es-SV" → "es"), or null. */
export function primaryLanguage(lang: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})\b/i.exec(lang ?? '');
  return m?.[1] ? m[1].toLowerCase() : null;
}
