/**
 * Every catalog of the interface, one file per area so that work on one part
 * of the interface does not touch another's strings. Add an area here with one line.
 */
import { common } from './common';
import { dataset } from './dataset';
import { exchange } from './exchange';
import { matching } from './matching';
import { options } from './options';
import { overlay } from './overlay';
import { security } from './security';
import { sidebar } from './sidebar';

export const CATALOGS = {
  common,
  dataset,
  exchange,
  matching,
  options,
  overlay,
  security,
  sidebar,
} as const;

export type Area = keyof typeof CATALOGS;
