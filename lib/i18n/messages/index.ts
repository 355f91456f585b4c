/**
 * Every catalog of the interface, one file per area so that work on one part
 * of the interface does not touch another's strings. Add an area here with one line.
 */
import { common } from './common';
import { matching } from './matching';

export const CATALOGS = {
  common,
  matching,
} as const;

export type Area = keyof typeof CATALOGS;
