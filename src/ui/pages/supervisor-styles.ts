/**
 * @module Styles of the supervisor wall: dense enough for 200 agents on one laptop screen
 * (compact skill table, alert list, a grid of small agent tiles coloured by status and load).
 */
export const SUPERVISOR_WALL_STYLES = `
.wall-page { padding: 12px 20px; }
.wall-page .page-head { margin-bottom: 8px; }
.wall-page .page-head p { margin-top: 0; }
.wall-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 1fr); gap: 12px; margin-bottom: 12px; }
.wall-card { padding: 0; overflow: hidden; }
.wall-card h2 { font-size: 13px; padding: 6px 12px; border-bottom: 1px solid var(--border); background: var(--surface-2); display: flex; gap: 8px; align-items: center; }
table.wall { font-size: 12px; }
table.wall td, table.wall th { padding: 3px 8px; line-height: 1.35; }
table.wall .levels { display: inline-grid; grid-template-columns: repeat(5, 18px); gap: 2px; }
table.wall .lv { text-align: center; border-radius: 3px; background: #eef2f6; color: var(--muted); font-variant-numeric: tabular-nums; }
table.wall .lv.on { background: var(--ok-soft); color: var(--ok); font-weight: 700; }
table.wall .lv.busy.on { background: var(--warn-soft); color: var(--warn); }
table.wall tr[data-alert="critical"] td { background: var(--danger-soft); }
table.wall tr[data-alert="warn"] td:first-child { box-shadow: inset 3px 0 var(--warn); }
.sl-bad { color: var(--danger); font-weight: 700; }
.sl-ok { color: var(--ok); font-weight: 700; }
.alerts { list-style: none; margin: 0; padding: 6px 8px; display: grid; gap: 4px; max-height: 260px; overflow: auto; font-size: 12px; }
.alerts li { padding: 5px 8px; border-radius: 4px; background: var(--warn-soft); color: var(--warn); }
.alerts li[data-severity="critical"] { background: var(--danger-soft); color: var(--danger); font-weight: 600; }
.alerts .none { background: var(--ok-soft); color: var(--ok); }
.totals { display: flex; gap: 12px; padding: 4px 12px 0; font-size: 12px; flex-wrap: wrap; }
.totals b { font-variant-numeric: tabular-nums; font-size: 14px; }
.agent-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(44px, 1fr)); gap: 3px; padding: 6px 12px 10px; }
.agent-tile {
  height: 26px; border-radius: 4px; font-size: 9.5px; line-height: 1.05; display: grid; place-items: center;
  background: #e6eaef; color: #7a8794; border: 1px solid transparent; overflow: hidden; white-space: nowrap;
  font-variant-numeric: tabular-nums;
}
.agent-tile[data-status="online"] { background: var(--ok-soft); color: var(--ok); border-color: #b9e3c9; }
.agent-tile[data-status="online"][data-full="true"] { background: var(--warn-soft); color: var(--warn); border-color: #f1d8a6; }
.agent-tile[data-status="away"] { background: #e8eefb; color: #3c5a99; }
.agent-tile[data-pool="on-demand"] { border-style: dashed; }
.route { display: inline-flex; gap: 4px; }
.route select { font: inherit; font-size: 12px; padding: 2px 4px; border: 1px solid var(--border); border-radius: 4px; }
.badge-triage { background: var(--danger-soft); color: var(--danger); }
@media (max-width: 900px) { .wall-page { padding: 12px 20px; }
.wall-page .page-head { margin-bottom: 8px; }
.wall-page .page-head p { margin-top: 0; }
.wall-grid { grid-template-columns: 1fr; } }
`;
