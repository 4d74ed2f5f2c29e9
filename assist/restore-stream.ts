/**
 * @module Restores placeholders in streamed text. A placeholder can arrive split across deltas
 * ("<PHO" + "NE_1>"), so a possibly unfinished `<…` tail is held back until the next delta shows
 * whether it is a placeholder; everything before it is restored and passed on at once.
 */
import type { PiiBoundary, RestoreMap, RevealAccess } from './pii-boundary.ts';

// Longest placeholder: "<" + 40-char type + "_" + 6 digits + ">".
const MAX_PLACEHOLDER = 48;
const OPEN_TAIL = /<[A-Z0-9_]*$/;

export interface StreamRestorer {
  /** Feed a delta; returns the text that can be shown now (possibly empty). */
  push(delta: string): string;
  /** End of stream: whatever was held back. */
  end(): string;
}

export function createStreamRestorer(
  boundary: PiiBoundary,
  restore: RestoreMap,
  access: RevealAccess,
): StreamRestorer {
  let held = '';
  return {
    push(delta) {
      const text = held + delta;
      const tail = OPEN_TAIL.exec(text);
      const cut = tail && text.length - tail.index <= MAX_PLACEHOLDER ? tail.index : text.length;
      held = text.slice(cut);
      return boundary.inbound(text.slice(0, cut), restore, access);
    },
    end() {
      const rest = boundary.inbound(held, restore, access);
      held = '';
      return rest;
    },
  };
}
