/**
 * Every catalog of the interface, one file per area so that work on one part
 * of the interface does not touch another's strings. Add an area here with one line.
 */
import { common } from './common';
import { library } from './library';
import { popup } from './popup';
import { welcome } from './welcome';

export const CATALOGS = {
  common,
  library,
  popup,
  welcome,
} as const;

export type Area = keyof typeof CATALOGS;
