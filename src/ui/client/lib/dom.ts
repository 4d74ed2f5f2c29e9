/** @module Tiny DOM helpers for the islands: build elements without innerHTML (so no injection). */
import { ICON_ATTRS, ICONS, type IconName } from '../../icons.ts';

type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((ev: Event) => void)>;
export type ChildNode = Node | string | number | null | undefined | false;

/** Creates an element; `on<event>` function attributes become listeners, `false`/null are skipped. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: ChildNode[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: ChildNode[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'number' ? String(child) : child);
  }
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: ChildNode[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** A required element of the server-rendered shell. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`page shell is missing #${id}`);
  return el as T;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A line icon (see src/ui/icons.ts). */
export function icon(name: IconName, cls = 'icon'): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  for (const [k, v] of Object.entries(ICON_ATTRS)) svg.setAttribute(k, v);
  svg.setAttribute('class', cls);
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

/** An empty-state block like the server renders. */
export function emptyState(name: IconName, title: string | null, body: string): HTMLElement {
  return h(
    'div',
    { class: 'empty' },
    h('span', { class: 'empty-icon', 'aria-hidden': 'true' }, icon(name)),
    title ? h('strong', {}, title) : null,
    h('span', {}, body),
  );
}

/** Random id for idempotent sends; works outside secure contexts, unlike crypto.randomUUID. */
export function clientId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Whether a key press belongs to an IME composition (Chinese input): Enter then picks a candidate. */
export function composing(ev: KeyboardEvent): boolean {
  return ev.isComposing || ev.keyCode === 229;
}
