import type { AreaCatalog } from '../translate';

/** Words every part of the interface uses. */
export const common = {
  en: {
    appName: 'CECOT Lens',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    delete: 'Delete',
    edit: 'Edit',
    loading: 'Loading…',
    error: 'Something went wrong: {message}',
    // Errors from the background a reader can act on (components/error-text.ts); lower case, as they often follow "Something went wrong:".
    errorStorageFull: 'storage is full: the browser refused to save. Free some disk space or export and remove old notes; nothing was changed.',
    errorRefused: 'the extension refused this request from here, to keep the page from reaching your data; nothing was changed.',
    errorInvalidMessage: 'the extension could not read a request it sent itself; reload the page and try again. Nothing was changed.',
    language: 'Language',
    languageAuto: 'Same as the browser',
    languageEn: 'English',
    languageEs: 'Español',
  },
  es: {
    appName: 'CECOT Lens',
    close: 'Cerrar',
    cancel: 'Cancelar',
    save: 'Guardar',
    delete: 'Eliminar',
    edit: 'Editar',
    loading: 'Cargando…',
    error: 'Algo salió mal: {message}',
    errorStorageFull: 'el almacenamiento está lleno: el navegador no permitió guardar. Libere espacio en el disco o exporte y borre notas antiguas; no se cambió nada.',
    errorRefused: 'la extensión rechazó esta solicitud desde aquí, para que la página no llegue a sus datos; no se cambió nada.',
    errorInvalidMessage: 'la extensión no pudo leer una solicitud que se envió a sí misma; vuelva a cargar la página e inténtelo de nuevo. No se cambió nada.',
    language: 'Idioma',
    languageAuto: 'El mismo del navegador',
    languageEn: 'English',
    languageEs: 'Español',
  },
} satisfies AreaCatalog;
