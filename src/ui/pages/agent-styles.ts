/**
 * @module Styles of the agent workspace's dispatch parts (presence switch, offer cards, shift
 * offers), rendered with the page so the shared stylesheet stays untouched.
 */
export const AGENT_DISPATCH_STYLES = `
.presence { display: flex; align-items: center; gap: 6px; padding: 8px 16px; border-bottom: 1px solid var(--border); font-size: 12px; }
.presence-label { color: var(--muted); margin-right: auto; }
.presence-switch { display: inline-flex; border: 1px solid var(--border); border-radius: 6px; overflow: hidden; margin: 0; padding: 0; min-width: 0; }
.presence-switch button { font: inherit; font-size: 12px; border: 0; background: var(--surface); padding: 4px 10px; cursor: pointer; color: var(--text); }
.presence-switch button + button { border-left: 1px solid var(--border); }
.presence-switch button[aria-pressed="true"][data-status="online"] { background: var(--ok); color: #fff; }
.presence-switch button[aria-pressed="true"][data-status="away"] { background: var(--warn); color: #fff; }
.presence-note { padding: 6px 16px; font-size: 12px; background: var(--warn-soft); color: var(--warn); }
.offers { flex: 0 0 auto; max-height: 45%; }
.offer-list { list-style: none; margin: 0; padding: 0 8px 8px; overflow: auto; display: grid; gap: 6px; }
.offer {
  border: 1px solid #b7dde2; background: var(--primary-soft); border-radius: 6px; padding: 8px 10px;
  display: grid; gap: 4px;
}
.offer[aria-current="true"] { outline: 2px solid var(--primary); }
.offer .row { display: flex; align-items: center; gap: 6px; justify-content: space-between; }
.offer-actions { display: flex; gap: 6px; }
.offer-actions .btn { padding: 3px 10px; font-size: 12px; }
.offer-meta { font-size: 12px; color: var(--muted); }
.shift { border-color: #f1d8a6; background: var(--warn-soft); }
.offer-hint { padding: 0 16px 6px; font-size: 11px; color: var(--muted); }
.transfer { display: inline-flex; gap: 4px; align-items: center; }
.transfer select { font: inherit; font-size: 12px; padding: 3px 4px; border: 1px solid var(--border); border-radius: 4px; }
.badge-triage { background: var(--danger-soft); color: var(--danger); }
`;
