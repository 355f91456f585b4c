import type { AreaCatalog } from '../translate';

/** What CECOT Lens draws inside web pages: the Annotate button, the hover card, the in-page sidebar frame, and the background's menu. */
export const overlay = {
  en: {
    annotate: 'Annotate',
    annotateTitle: 'Annotate the selection (Alt+Shift+A)',
    showInSidebar: 'Show in sidebar',
    closeSidebar: 'Close CECOT Lens sidebar',
    sidebarFrame: 'CECOT Lens sidebar',
    contextMenu: 'Annotate with CECOT Lens',
    contextMenuAddToDataset: 'Add to the CECOT Lens dataset',
    relationAgrees: 'Agrees with the dataset',
    relationConflicts: 'Conflicts with the dataset',
    relationRelated: 'Related to the dataset',
    relationRepeatsError: 'Repeats a flagged error',
    relationUnmatched: 'Not in the dataset',
    claimPosition: 'Claim {index} of {count}: {relation}. {text}',
    noClaims: 'No highlighted claims on this page.',
    keysHint: 'Alt+Shift+J / Alt+Shift+K: next / previous claim',
  },
  es: {
    annotate: 'Anotar',
    annotateTitle: 'Anotar la selección (Alt+Mayús+A)',
    showInSidebar: 'Ver en la barra lateral',
    closeSidebar: 'Cerrar la barra lateral de CECOT Lens',
    sidebarFrame: 'Barra lateral de CECOT Lens',
    contextMenu: 'Anotar con CECOT Lens',
    contextMenuAddToDataset: 'Añadir al conjunto de datos de CECOT Lens',
    relationAgrees: 'Coincide con el conjunto de datos',
    relationConflicts: 'Contradice el conjunto de datos',
    relationRelated: 'Relacionada con el conjunto de datos',
    relationRepeatsError: 'Repite un error señalado',
    relationUnmatched: 'Fuera del conjunto de datos',
    claimPosition: 'Afirmación {index} de {count}: {relation}. {text}',
    noClaims: 'No hay afirmaciones resaltadas en esta página.',
    keysHint: 'Alt+Mayús+J / Alt+Mayús+K: afirmación siguiente / anterior',
  },
} satisfies AreaCatalog;

export type OverlayTranslate = import('../area').AreaTranslate<'overlay', typeof overlay>;
