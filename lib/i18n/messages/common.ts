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
    language: 'Idioma',
    languageAuto: 'El mismo del navegador',
    languageEn: 'English',
    languageEs: 'Español',
  },
} satisfies AreaCatalog;
