/**
 * Every catalog of the interface, one file per area so that work on one part
 * of the interface does not touch another's strings. Add an area here with one line.
 */
import { common } from './common';
import { options } from './options';
import { overlay } from './overlay';
import { sidebar } from './sidebar';

export const CATALOGS = {
  common,
  sidebar,
  options,
  overlay,
} as const;

export type Area = keyof typeof CATALOGS;
