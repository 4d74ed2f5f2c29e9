/**
 * @module Styles of the PII parts: masked-value chips with their reveal form in the agent
 * workspace, and the admin PII tab (try-it highlights, step policy toggles, audit table).
 * Rendered with the pages so the shared stylesheet stays untouched.
 */
export const PII_CHIP_STYLES = `
.pii-chip {
  display: inline-flex; align-items: center; gap: 2px; padding: 0 2px 0 5px; margin: 0 1px; border-radius: 4px;
  background: #eef1f6; border: 1px dashed #b9c3d0; font-family: var(--mono); font-size: 12.5px; white-space: nowrap;
}
.msg-mine .pii-chip { background: rgba(255, 255, 255, 0.18); border-color: rgba(255, 255, 255, 0.5); }
.pii-chip[data-state="revealed"] { background: var(--warn-soft); border: 1px solid #f1d8a6; color: var(--warn); }
.pii-reveal {
  font: inherit; font-size: 11px; border: 0; background: transparent; cursor: pointer; padding: 0 3px;
  color: inherit; opacity: 0.75; border-radius: 3px;
}
.pii-reveal:hover, .pii-reveal:focus-visible { opacity: 1; background: rgba(0, 0, 0, 0.08); }
.pii-ttl { font-size: 10.5px; opacity: 0.8; padding: 0 3px; }
.pii-form {
  display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 6px; padding: 6px;
  background: var(--surface); color: var(--text); border: 1px solid var(--border); border-radius: 6px;
  font-family: var(--font); white-space: normal;
}
.pii-form .input { flex: 1 1 180px; padding: 4px 8px; font-size: 13px; }
.pii-form .btn { padding: 4px 10px; font-size: 12px; }
.pii-form-error { flex-basis: 100%; color: var(--danger); font-size: 12px; }
`;

export const PII_ADMIN_STYLES = `
.pii-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; align-items: start; }
.pii-grid > .card { padding: 16px; }
.pii-wide { grid-column: 1 / -1; }
.pii-side { display: grid; gap: 16px; }
.pii-side > .card { padding: 16px; }
.pii-grid h2 { font-size: 15px; margin: 0 0 10px; }
.pii-try textarea { min-height: 90px; font-family: var(--font); }
.pii-preview {
  margin-top: 10px; padding: 10px; border: 1px solid var(--border); border-radius: 6px; background: var(--surface-2);
  white-space: pre-wrap; word-break: break-word; min-height: 40px;
}
.pii-hit { background: #ffe9a8; border-bottom: 2px solid #e0a000; border-radius: 2px; padding: 0 1px; }
.pii-hit[data-type="CN_ID"], .pii-hit[data-type="BANK_CARD"], .pii-hit[data-type="US_SSN"] { background: #fcd3cf; border-color: var(--danger); }
.pii-hit[data-type="PHONE"], .pii-hit[data-type="EMAIL"] { background: #d5ecf0; border-color: var(--primary); }
.pii-entities { margin-top: 8px; font-size: 12px; }
.pii-steps td { vertical-align: top; }
.pii-toggle {
  font: inherit; font-size: 11px; border: 1px solid var(--border); background: var(--surface); color: var(--muted);
  border-radius: 10px; padding: 1px 8px; margin: 1px 3px 1px 0; cursor: pointer;
}
.pii-toggle[aria-pressed="true"] { background: var(--primary); border-color: var(--primary); color: #fff; }
.pii-toggle:disabled { opacity: 0.5; cursor: progress; }
.pii-filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin-bottom: 10px; }
.pii-filters label { font-size: 12px; margin: 0; }
.pii-filters .input { width: auto; min-width: 140px; }
.pii-audit { max-height: 420px; overflow: auto; }
.pii-audit td { font-size: 12px; }
.pii-row-denied td:nth-child(3) { color: var(--danger); font-weight: 600; }
.pii-row-allowed td:nth-child(3) { color: var(--ok); font-weight: 600; }
.pii-policy { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; }
.pii-policy .input { width: 90px; }
.pii-patterns textarea { min-height: 120px; font-family: var(--mono); font-size: 12px; }
.pii-saved { color: var(--ok); font-size: 12px; }
@media (max-width: 900px) { .pii-grid { grid-template-columns: 1fr; } }
`;
