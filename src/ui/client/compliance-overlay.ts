/**
 * @module Wavy underlines over a textarea. A textarea cannot style parts of its text, so a mirror
 * element with the same box, font and wrapping sits exactly over it (pointer events pass through),
 * its text transparent and only the flagged spans decorated. It follows the textarea's position,
 * size and scroll; the caller says which spans to mark.
 */

export interface MarkedSpan {
  start: number;
  end: number;
  severity: 'info' | 'warn' | 'block';
}

const RANK = { info: 0, warn: 1, block: 2 } as const;

/** Styles copied from the textarea so the mirror wraps exactly like it. */
const MIRRORED = [
  'boxSizing',
  'width',
  'height',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'letterSpacing',
  'lineHeight',
  'textTransform',
  'wordSpacing',
  'textIndent',
  'tabSize',
] as const;

/** Splits text into runs, each with the most severe mark covering it (or none). */
export function markRuns(text: string, spans: readonly MarkedSpan[]) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: { text: string; severity: MarkedSpan['severity'] | null }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    let severity: MarkedSpan['severity'] | null = null;
    for (const s of spans) {
      if (s.start <= a && b <= s.end && (severity === null || RANK[s.severity] > RANK[severity])) {
        severity = s.severity;
      }
    }
    runs.push({ text: text.slice(a, b), severity });
  }
  return runs;
}

export class UnderlineOverlay {
  readonly el: HTMLDivElement;
  private target: HTMLTextAreaElement | null = null;
  private readonly resize = new ResizeObserver(() => this.place());

  constructor() {
    this.el = document.createElement('div');
    this.el.className = 'cu-overlay';
    this.el.setAttribute('aria-hidden', 'true');
    this.el.dataset.testid = 'compliance-overlay';
    window.addEventListener('resize', () => this.place());
    document.addEventListener('scroll', () => this.place(), true);
  }

  /** Follows `input` (the pane may re-render around the same textarea; it is bound once). */
  attach(input: HTMLTextAreaElement) {
    if (this.target === input) return;
    this.target = input;
    this.resize.disconnect();
    this.resize.observe(input);
    input.addEventListener('scroll', () => {
      this.el.scrollTop = input.scrollTop;
    });
    if (!this.el.isConnected) document.body.append(this.el);
  }

  /** Draws `spans` over `text` (which must be what the textarea holds). */
  draw(text: string, spans: readonly MarkedSpan[]) {
    const nodes: Node[] = [];
    for (const run of markRuns(text, spans)) {
      if (run.severity === null) {
        nodes.push(document.createTextNode(run.text));
        continue;
      }
      const mark = document.createElement('span');
      mark.className = `cu-mark cu-${run.severity}`;
      mark.dataset.testid = 'compliance-underline';
      mark.dataset.severity = run.severity;
      mark.textContent = run.text;
      nodes.push(mark);
    }
    // A trailing newline in a textarea still takes a line; the mirror needs a character to match.
    nodes.push(document.createTextNode('\u200b'));
    this.el.replaceChildren(...nodes);
    this.place();
  }

  place() {
    const input = this.target;
    if (!input?.isConnected || input.disabled || input.offsetParent === null) {
      this.el.hidden = true;
      return;
    }
    this.el.hidden = false;
    const rect = input.getBoundingClientRect();
    const cs = getComputedStyle(input);
    const style = this.el.style;
    for (const prop of MIRRORED) style[prop] = cs[prop];
    style.left = `${rect.left + window.scrollX}px`;
    style.top = `${rect.top + window.scrollY}px`;
    style.width = `${rect.width}px`;
    style.height = `${rect.height}px`;
    this.el.scrollTop = input.scrollTop;
  }
}
