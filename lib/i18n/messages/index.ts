/**
 * Every catalog of the interface, one file per area so that work on one part
 * of the interface does not touch another's strings. Add an area here with one line.
 */
import { common } from './common';

export const CATALOGS = {
  common,
} as const;

export type Area = keyof typeof CATALOGS;
