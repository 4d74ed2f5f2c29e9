/**
 * @module Styles of the training cabin: chat beside the coaching panel, the mood meter, the score
 * card with dimension bars and evidence, the annotated replay, small SVG charts, the card editor
 * and the live-test console.
 */
export const TRAIN_STYLES = `
.train-toolbar { display: flex; gap: 10px; align-items: center; padding: 10px 12px; margin-bottom: 12px; flex-wrap: wrap; }
.train-toolbar select { max-width: 420px; }
.train-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); gap: 12px; align-items: start; }
.chat { display: flex; flex-direction: column; height: min(560px, calc(100vh - 260px)); min-height: 360px; overflow: hidden; }
.chat .pad, .coach .pad { padding: 16px; }
.chat-head { display: flex; gap: 10px; align-items: center; padding: 10px 14px; border-bottom: 1px solid var(--border); background: var(--surface-2); flex-wrap: wrap; }
.chat-title { font-weight: 650; flex: 1; min-width: 0; }
.chat-meta { font-size: 12px; color: var(--muted); }
.chat .messages { flex: 1; }
.chat .composer textarea { min-height: 44px; max-height: 140px; resize: vertical; }
.mood { display: inline-flex; align-items: center; gap: 6px; font-size: 12px; }
.mood-bar { width: 90px; height: 8px; border-radius: 4px; background: #e6ebf1; overflow: hidden; }
.mood-bar > span { display: block; height: 100%; background: var(--ok); }
.mood[data-band="tense"] .mood-bar > span { background: #d19a00; }
.mood[data-band="upset"] .mood-bar > span { background: #e07000; }
.mood[data-band="furious"] .mood-bar > span { background: var(--danger); }
.coach { padding: 0; max-height: min(560px, calc(100vh - 260px)); overflow: auto; }
.coach h2, .panel-card h2 { font-size: 13px; padding: 9px 14px; margin: 0; border-bottom: 1px solid var(--border); background: var(--surface-2); }
.coach section { padding: 10px 14px; border-bottom: 1px solid #edf0f4; font-size: 13px; }
.coach h3 { font-size: 12px; margin: 0 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.3px; }
.checklist { list-style: none; margin: 0; padding: 0; display: grid; gap: 3px; }
.checklist li::before { content: "○"; color: var(--muted); margin-right: 6px; }
.checklist li[data-done="true"]::before { content: "●"; color: var(--ok); }
.finding { padding: 5px 8px; border-radius: 4px; margin: 3px 0; background: var(--warn-soft); color: var(--warn); }
.finding[data-severity="block"] { background: var(--danger-soft); color: var(--danger); }
.finding q { font-style: normal; font-weight: 600; }
.meter { display: grid; grid-template-columns: 76px 1fr 34px; gap: 8px; align-items: center; margin: 3px 0; }
.meter-bar { height: 8px; border-radius: 4px; background: #e6ebf1; overflow: hidden; }
.meter-bar > span { display: block; height: 100%; background: var(--primary); }
.meter-bar > span[data-low="true"] { background: var(--danger); }
.tips { margin: 0; padding-left: 18px; }
.result-card { margin-top: 12px; padding: 16px 18px; }
.result-head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; margin-bottom: 10px; }
.verdict-badge { font-size: 14px; padding: 3px 12px; border-radius: 12px; font-weight: 700; }
.verdict-badge[data-passed="true"] { background: var(--ok-soft); color: var(--ok); }
.verdict-badge[data-passed="false"] { background: var(--danger-soft); color: var(--danger); }
.dims { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 10px; margin: 12px 0; }
.dim { border: 1px solid var(--border); border-radius: 6px; padding: 10px 12px; font-size: 13px; }
.dim .meter-bar { display: block; }
.evidence q { quotes: "“" "”"; }
.dim-head { display: flex; justify-content: space-between; font-weight: 650; margin-bottom: 6px; }
.evidence { margin: 6px 0 0; padding: 0; list-style: none; display: grid; gap: 4px; font-size: 12.5px; }
.evidence li { border-left: 3px solid var(--ok); padding-left: 8px; }
.evidence li[data-polarity="negative"] { border-left-color: var(--danger); }
.evidence q { font-style: normal; }
.replay { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.replay li { border: 1px solid var(--border); border-radius: 6px; padding: 8px 10px; font-size: 13px; }
.replay li[data-role="trainee"] { background: var(--primary-soft); }
.replay .ann { display: block; font-size: 12px; color: var(--muted); margin-top: 3px; }
.replay .ann[data-severity="block"], .replay .ann[data-severity="warn"] { color: var(--danger); }
.result-actions { display: flex; gap: 10px; margin-top: 14px; }
.chart { width: 100%; height: auto; background: #fff; }
.chart-lines { max-width: 780px; }
.chart-bars { max-width: 560px; }
.chart text { font-size: 10px; fill: var(--muted); font-family: var(--font); }
.legend { display: flex; flex-wrap: wrap; gap: 10px; font-size: 12px; margin: 6px 0; }
.legend span::before { content: ""; display: inline-block; width: 10px; height: 3px; margin-right: 4px; vertical-align: middle; background: var(--c); }
.panel-card { margin-bottom: 14px; overflow: hidden; }
.panel-card .body { padding: 12px 14px; }
.status-badge[data-status="certified"] { background: var(--ok-soft); color: var(--ok); }
.status-badge[data-status="ready-for-live"] { background: var(--warn-soft); color: var(--warn); }
.status-badge[data-status="practising"] { background: var(--primary-soft); color: var(--primary-strong); }
.editor-layout { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 14px; align-items: start; }
.card-list { max-height: 620px; overflow: auto; }
table.data tr.card-row { cursor: pointer; }
table.data tr.card-row[aria-selected="true"] td { background: var(--primary-soft); }
.card-json { font-family: var(--mono); font-size: 12px; min-height: 460px; width: 100%; }
.field-errors { margin: 8px 0; padding-left: 18px; color: var(--danger); font-size: 13px; }
.field-errors code { font-family: var(--mono); }
.live-layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); gap: 12px; align-items: start; }
.live-form { display: flex; gap: 10px; align-items: flex-end; flex-wrap: wrap; padding: 12px 14px; }
.live-form .field { margin: 0; min-width: 220px; }
.script { font-size: 12.5px; }
.script dt { font-weight: 650; margin-top: 6px; }
.script dd { margin: 2px 0 0 0; color: var(--muted); }
.decision { display: grid; gap: 8px; padding: 12px 14px; }
.decision .row { display: flex; gap: 16px; align-items: center; }
.decision label { display: inline-flex; gap: 6px; align-items: center; font-weight: 500; margin: 0; }
.rules input { width: 90px; }
.banner { display: flex; gap: 12px; align-items: center; justify-content: space-between; }
`;
