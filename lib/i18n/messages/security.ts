import type { AreaCatalog } from '../translate';

/** What the reader is told when a limit that protects the extension is reached. */
export const security = {
  en: {
    selectionTooLong: 'This selection is too long to annotate ({count} characters; at most {max}). Select a shorter passage.',
    textCut: 'This page is very long: only its first {max} characters were analysed.',
  },
  es: {
    selectionTooLong: 'Esta selección es demasiado larga para anotarla ({count} caracteres; máximo {max}). Seleccioná un pasaje más corto.',
    textCut: 'Esta página es muy larga: solo se analizaron sus primeros {max} caracteres.',
  },
} satisfies AreaCatalog;
