/**
 * @module Reads the JSON data block the server renders into each page (strings, ids) — data, not
 * script, so pages keep working under a CSP without inline script.
 */
import type { MessageKey, Strings } from '../../i18n.ts';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function readPageData<T extends { strings: Partial<Strings> }>(): T {
  const block = document.getElementById('td-data');
  if (!block?.textContent) throw new Error('page data block #td-data is missing');
  return JSON.parse(block.textContent) as T;
}

/** A translator over the strings the page handed over; a missing key shows itself, not a blank. */
export function makeT(strings: Partial<Strings>): Translate {
  return (key, vars = {}) =>
    (strings[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
