import type { AreaCatalog } from '../translate';

/** Export, import, sync, and the concurrent-edit notice in the sidebar. */
export const exchange = {
  en: {
    conflictTitle: 'Also edited on another device',
    conflictExplain: 'This note was changed on two devices before they synced. Both versions are kept until you choose.',
    conflictThis: 'Version shown',
    conflictOther: 'Other version',
    conflictSaved: 'saved {when}',
    conflictEmptyNote: '(no note text)',
    conflictKeepThis: 'Keep this one',
    conflictKeepBoth: 'Keep both',
    conflictKeepAll: 'Keep all {count}',
    conflictTagsKept: 'Tags from every version are kept.',
    conflictDeletedElsewhere: 'Another device deleted this note ({when}). It stays here until you choose.',
    conflictKeepNote: 'Keep the note',
    conflictDeleteToo: 'Delete it here too',
    conflictSaving: 'Saving your choice…',
  },
  es: {
    conflictTitle: 'También se editó en otro dispositivo',
    conflictExplain: 'Esta nota se cambió en dos dispositivos antes de sincronizarse. Se guardan ambas versiones hasta que elijas.',
    conflictThis: 'Versión que se muestra',
    conflictOther: 'Otra versión',
    conflictSaved: 'guardada {when}',
    conflictEmptyNote: '(sin texto de nota)',
    conflictKeepThis: 'Quedarme con esta',
    conflictKeepBoth: 'Quedarme con ambas',
    conflictKeepAll: 'Quedarme con las {count}',
    conflictTagsKept: 'Se conservan las etiquetas de todas las versiones.',
    conflictDeletedElsewhere: 'Otro dispositivo eliminó esta nota ({when}). Sigue aquí hasta que elijas.',
    conflictKeepNote: 'Conservar la nota',
    conflictDeleteToo: 'Eliminarla aquí también',
    conflictSaving: 'Guardando tu elección…',
  },
} satisfies AreaCatalog;
