/**
 * Every catalog of the interface, one file per area so that work on one part
 * of the interface does not touch another's strings. Add an area here with one line.
 */
import { common } from './common';
import { dataset } from './dataset';
import { exchange } from './exchange';
import { library } from './library';
import { matching } from './matching';
import { options } from './options';
import { overlay } from './overlay';
import { popup } from './popup';
import { security } from './security';
import { sidebar } from './sidebar';
import { topic } from './topic';
import { welcome } from './welcome';

export const CATALOGS = {
  common,
  dataset,
  exchange,
  library,
  matching,
  options,
  overlay,
  popup,
  security,
  sidebar,
  topic,
  welcome,
} as const;

export type Area = keyof typeof CATALOGS;
