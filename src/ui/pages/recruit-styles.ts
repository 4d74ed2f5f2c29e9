/**
 * @module Styles of the recruiting pages and the candidate's interview, rendered with those
 * pages so the shared stylesheet stays untouched.
 */
export const RECRUIT_STYLES = `
.rec-actions { display: flex; gap: 8px; flex-wrap: wrap; }
.rec-actions .btn { padding: 4px 10px; font-size: 12px; }
.rec-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; align-items: start; }
.rec-grid > .card, .rec-section { padding: 16px 18px; }
.rec-section { margin-bottom: 16px; }
.rec-section h2 { margin-bottom: 12px; }
.rec-wide { grid-column: 1 / -1; }
.rec-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; }
.rec-row .field { margin-bottom: 8px; }
.rec-q { border: 1px solid var(--border); border-radius: 8px; padding: 12px 14px; margin-bottom: 12px; background: var(--surface-2); }
.rec-q-head { display: flex; justify-content: space-between; align-items: center; margin-bottom: 8px; }
.rec-levels { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 8px; }
.rec-levels textarea { min-height: 70px; font-size: 12px; }
.rec-levels .input { font-size: 12px; }
.rec-link { font-family: var(--mono); font-size: 12px; word-break: break-all; }
.rec-errors { margin: 6px 0 0; padding-left: 18px; color: var(--danger); font-size: 13px; }
.rec-filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-end; margin-bottom: 12px; }
.rec-filters .field { margin: 0; }
.rec-filters .input { padding: 5px 8px; }
.advice { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.advice-advance { background: var(--ok-soft); color: var(--ok); }
.advice-review { background: var(--warn-soft); color: var(--warn); }
.advice-not-advance { background: #eef1f6; color: var(--muted); }
.advice-unscored { background: #eef1f6; color: var(--muted); }
.flag { display: inline-block; margin: 1px 3px 1px 0; padding: 0 6px; border-radius: 4px; font-size: 11.5px; background: var(--danger-soft); color: var(--danger); }
.flag-soft { background: var(--warn-soft); color: var(--warn); }
.score-big { font-size: 34px; font-weight: 700; line-height: 1; }
.card-head { display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
.reasons { margin: 8px 0 0; padding-left: 18px; }
.metrics { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 10px; margin: 8px 0; }
.metric { background: var(--surface-2); border: 1px solid var(--border); border-radius: 6px; padding: 8px 10px; }
.metric b { display: block; font-size: 18px; }
.metric span { font-size: 12px; color: var(--muted); }
.answer-text { white-space: pre-wrap; background: var(--surface-2); border: 1px solid var(--border); border-radius: 6px; padding: 10px 12px; line-height: 1.8; }
.answer-text mark { background: #fff1b8; border-bottom: 2px solid #e0a000; padding: 0 1px; }
.anchor { margin: 6px 0; font-size: 13px; }
.anchor q { background: #fff8d6; }
.phrases { list-style: none; padding: 0; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 6px; }
.phrases li { font-size: 12px; padding: 2px 8px; border-radius: 10px; border: 1px solid var(--border); }
.phrases li[data-covered="true"] { background: var(--ok-soft); border-color: #b9e2c8; }
.media-player { width: 100%; max-width: 420px; border-radius: 6px; background: #000; }
audio.media-player { background: transparent; }
.decision-form fieldset { border: 0; padding: 0; margin: 0 0 10px; display: flex; gap: 14px; }
.decision-form label.inline { display: inline-flex; gap: 6px; align-items: center; font-weight: 500; }
.history { list-style: none; padding: 0; margin: 0; }
.history li { padding: 8px 0; border-bottom: 1px solid #edf0f4; font-size: 13px; }
.chart svg { max-width: 100%; height: auto; }
.chart { margin: 8px 0 16px; }
/* Candidate interview */
.iv-page { flex: 1; overflow: auto; padding: 24px 16px; }
.iv-inner { max-width: 760px; margin: 0 auto; }
.iv-head { display: flex; justify-content: space-between; align-items: center; margin-bottom: 14px; }
.iv-step { padding: 20px 22px; margin-bottom: 16px; }
.iv-step h2 { margin-bottom: 10px; }
.iv-step h3 { margin: 12px 0 4px; }
.iv-step p { margin: 4px 0 10px; }
.iv-passage { font-size: 16px; line-height: 1.9; background: var(--surface-2); border: 1px solid var(--border); border-radius: 6px; padding: 12px 14px; user-select: none; }
.iv-typing { width: 100%; min-height: 140px; font-size: 16px; }
.iv-timer { font-variant-numeric: tabular-nums; font-weight: 600; }
.iv-preview { width: 100%; max-width: 360px; border-radius: 6px; background: #000; }
.iv-status { font-size: 13px; margin: 8px 0; }
.iv-buttons { display: flex; gap: 10px; flex-wrap: wrap; margin-top: 10px; }
.iv-withdraw { margin-top: 24px; text-align: center; }
.iv-withdraw .btn { font-size: 12px; }
`;
