/**
 * @module Styles of the co-pilot panel (a third column of the agent workspace) and of its QA card,
 * added to the page by the component that needs them, so the shared stylesheet stays untouched.
 */

export const COPILOT_PANEL_STYLES = `
.workspace.has-copilot { grid-template-columns: 320px minmax(0, 1fr) 360px; }
.copilot { background: var(--surface); border-left: 1px solid var(--border); display: flex; flex-direction: column;
  min-height: 0; min-width: 0; overflow: auto; font-size: 13px; }
.cp-head { display: flex; align-items: center; gap: 8px; padding: 12px 16px 8px; }
.cp-head h2 { font-size: 14px; flex: 1; }
.cp-provider { font-size: 11px; color: var(--muted); background: #e9edf2; border-radius: 9px; padding: 1px 8px; white-space: nowrap; }
.cp-section { padding: 8px 16px; border-top: 1px solid var(--border); }
.cp-step-title { font-weight: 650; }
.cp-sop { color: var(--muted); font-size: 12px; }
.cp-facts { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; align-items: center; }
.cp-facts .label { font-size: 11px; color: var(--muted); margin-right: 2px; }
.cp-fact { font-size: 11.5px; border-radius: 9px; padding: 1px 8px; background: var(--warn-soft); color: var(--warn); }
.cp-fact.cp-skipped { background: var(--danger-soft); color: var(--danger); }
.cp-signal { margin-top: 6px; font-size: 12px; color: var(--danger); }
.cp-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.cp-item, .cp-draft { border: 1px solid var(--border); border-radius: 8px; padding: 8px 10px; background: var(--surface);
  display: flex; flex-direction: column; gap: 4px; }
.cp-item:focus-within, .cp-item[data-inserted="true"] { border-color: var(--primary); box-shadow: 0 0 0 1px var(--primary); }
.cp-draft { background: var(--primary-soft); border-color: #b7dde2; }
.cp-draft[data-state="fallback"] { background: var(--surface-2); border-style: dashed; }
.cp-text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.cp-draft[data-state="streaming"] .cp-text::after { content: "▍"; color: var(--primary); animation: cp-blink 1s steps(2) infinite; }
@keyframes cp-blink { 50% { opacity: 0; } }
.cp-meta { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; font-size: 11.5px; color: var(--muted); }
.cp-badge { font-size: 11px; font-weight: 600; border-radius: 4px; padding: 0 6px; background: #e9edf2; color: var(--text); white-space: nowrap; }
.cp-badge.cp-src-sop-script { background: var(--primary-soft); color: var(--primary-strong); }
.cp-badge.cp-src-knowledge { background: var(--ok-soft); color: var(--ok); }
.cp-badge.cp-src-golden-reply { background: var(--warn-soft); color: var(--warn); }
.cp-badge.cp-src-llm-draft { background: #ece8fb; color: #4b3aa8; }
.cp-why { flex: 1; min-width: 0; }
.cp-actions { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.cp-actions .btn { padding: 2px 10px; font-size: 12px; }
.cp-actions .btn-primary .kbd { background: rgba(255, 255, 255, 0.18); border-color: rgba(255, 255, 255, 0.45); color: inherit; }
.cp-reasons { display: flex; gap: 4px; flex-wrap: wrap; align-items: center; font-size: 12px; }
.cp-reasons .btn { padding: 1px 8px; font-size: 11.5px; }
.cp-note { font-size: 12px; color: var(--muted); }
.cp-fallback { font-size: 12px; color: var(--muted); font-style: italic; }
.cp-kb input { width: 100%; }
.cp-kb-list { list-style: none; margin: 6px 0 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.cp-kb-item { border: 1px solid var(--border); border-radius: 6px; padding: 6px 8px; }
.cp-kb-item strong { display: block; font-size: 12.5px; }
.cp-kb-item p { margin: 2px 0 4px; color: var(--muted); font-size: 12px; }
.cp-keys { padding: 8px 16px 12px; font-size: 11px; color: var(--muted); border-top: 1px solid var(--border); margin-top: auto; }
`;

export const COPILOT_QA_STYLES = `
.cq-card { margin-top: 16px; padding: 16px 18px; }
.cq-head { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-bottom: 4px; }
.cq-head h2 { flex: 1; }
.cq-head label { font-size: 12px; color: var(--muted); }
.cq-head select { width: auto; }
.cq-table td.cq-trend { width: 150px; }
.cq-spark { display: block; }
.cq-spark rect { fill: var(--primary); }
.cq-sub { margin: 18px 0 6px; font-size: 13px; }
.cq-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.cq-row { display: grid; grid-template-columns: 1fr auto; gap: 4px 12px; border: 1px solid var(--border); border-radius: 6px; padding: 6px 10px; }
.cq-row .muted { font-size: 12px; }
.cq-row .btn { grid-row: 1 / span 2; grid-column: 2; align-self: center; padding: 3px 10px; font-size: 12px; }
`;

/** Adds a style block once per page. */
export function addStyles(id: string, css: string): void {
  if (document.getElementById(id)) return;
  const el = document.createElement('style');
  el.id = id;
  el.textContent = css;
  document.head.append(el);
}
