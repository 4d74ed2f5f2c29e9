/**
 * @module Styles of the QA workspace (progress bar, suite table, conversation view, golden-case
 * editor), rendered with the page so the shared stylesheet stays untouched.
 */
export const QA_STYLES = `
.qa-pad { padding: 14px 16px; margin: 0; }
.qa-provider { display: flex; align-items: center; gap: 8px; }
.qa-provider label { margin: 0; white-space: nowrap; }
.qa-provider select, .qa-select { width: auto; min-width: 200px; padding: 5px 8px; }
.qa-toolbar { display: flex; align-items: center; gap: 10px; margin-bottom: 10px; }
.qa-toolbar label { margin: 0; }
.qa-run-status:empty { display: none; }
.qa-run-status { margin-bottom: 16px; }
.qa-run { padding: 12px 16px; display: grid; gap: 8px; }
.qa-run-head { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.qa-run-head .spacer { flex: 1; }
.progress { height: 10px; border-radius: 5px; background: #e9edf2; overflow: hidden; }
.progress-bar { height: 100%; background: var(--primary); width: 0; transition: width 0.25s ease; }
.qa-run[data-status="done"] .progress-bar { background: var(--ok); }
.qa-run[data-status="failed"] .progress-bar { background: var(--danger); }
.badge-running { background: var(--primary-soft); color: var(--primary-strong); }
.badge-done { background: var(--ok-soft); color: var(--ok); }
.badge-failed { background: var(--danger-soft); color: var(--danger); }
.qa-suite-name code { font-weight: 650; font-size: 13px; }
.qa-suite-desc { color: var(--muted); font-size: 12px; max-width: 420px; }
.qa-metrics { display: flex; flex-wrap: wrap; gap: 2px 4px; }
.qa-metric { font-family: var(--mono); font-size: 11.5px; }
.qa-trend img { display: block; }
.qa-actions { display: flex; gap: 6px; flex-wrap: wrap; }
.qa-actions .btn { padding: 4px 10px; font-size: 12px; }
.qa-conv { display: grid; grid-template-columns: 320px minmax(0, 1fr); gap: 16px; align-items: start; }
.qa-conv-list { max-height: 70vh; overflow: auto; padding-top: 8px; }
.qa-conv-view { min-height: 320px; }
.qa-conv-head { padding: 12px 16px; border-bottom: 1px solid var(--border); display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.qa-conv-head h2 { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.qa-messages { list-style: none; margin: 0; padding: 12px 16px; display: grid; gap: 8px; }
.qa-msg { border: 1px solid var(--border); border-radius: 8px; padding: 8px 10px; display: grid; gap: 4px; }
.qa-msg[data-role="agent"] { background: var(--primary-soft); border-color: #b7dde2; }
.qa-msg[data-role="system"] { background: var(--surface-2); color: var(--muted); }
.qa-msg-meta { display: flex; align-items: center; gap: 8px; font-size: 12px; color: var(--muted); }
.qa-msg-meta .spacer { flex: 1; }
.qa-msg-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.qa-msg .btn { padding: 2px 8px; font-size: 12px; }
.qa-editor { border-top: 1px solid var(--border); padding: 14px 16px; display: grid; gap: 10px; }
.qa-editor h3 { font-size: 15px; }
.qa-editor .field { margin: 0; }
.qa-editor textarea.input { min-height: 64px; resize: vertical; }
.qa-checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 4px 12px; border: 0; padding: 0; margin: 0; }
.qa-checks label { font-weight: 500; display: flex; gap: 6px; align-items: center; margin: 0; }
.qa-notes { margin: 0; padding-left: 18px; color: var(--warn); font-size: 12.5px; }
.qa-history { list-style: none; margin: 0; padding: 8px 10px; background: var(--surface-2); border-radius: 6px; display: grid; gap: 4px; font-size: 13px; }
.qa-history b { font-weight: 600; color: var(--muted); margin-right: 6px; }
.qa-entities { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.qa-entity { display: inline-flex; gap: 4px; align-items: center; }
.qa-entity button { border: 0; background: none; cursor: pointer; color: var(--danger); font: inherit; padding: 0 2px; }
.qa-mark { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.qa-mark select { width: auto; }
.qa-editor-actions { display: flex; gap: 8px; }
.qa-export { padding: 12px 16px; margin-bottom: 14px; }
.qa-export h2 { font-size: 14px; margin-bottom: 4px; }
.qa-export p { margin: 4px 0; }
.qa-export pre { margin: 6px 0; background: #0d2b36; color: #e8f1f4; padding: 10px 12px; border-radius: 6px; overflow: auto; font-size: 12px; }
.qa-snippet { max-width: 460px; overflow-wrap: anywhere; }
.qa-keys { margin-top: 16px; }
.qa-link-button { border: 0; background: none; color: var(--primary); cursor: pointer; font: inherit; padding: 0; text-decoration: underline; }
`;
