/**
 * @module The page stylesheet, served at /ui/app.css. Kept in a module (not a file on disk) so
 * every runtime — Node, Deno, Workers — serves it the same way.
 */
export const STYLESHEET = `
:root {
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "WenQuanYi Micro Hei Mono", monospace;
  --bg: #f3f5f8;
  --surface: #ffffff;
  --surface-2: #f8fafc;
  --border: #dce2ea;
  --text: #1b2735;
  --muted: #5d6b7b;
  --primary: #0a6c7a;
  --primary-strong: #07525d;
  --primary-soft: #e2f1f3;
  --warn: #9a5b00;
  --warn-soft: #fff3dc;
  --danger: #b42318;
  --danger-soft: #fdecea;
  --ok: #17703d;
  --ok-soft: #e6f5ec;
  --radius: 8px;
  --shadow: 0 1px 2px rgba(16, 24, 40, 0.05), 0 1px 3px rgba(16, 24, 40, 0.08);
  --topbar-h: 52px;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.icon { width: 20px; height: 20px; flex: none; }
.icon-inline { width: 12px; height: 12px; vertical-align: -1px; margin-left: 4px; }
html, body { height: 100%; }
body {
  margin: 0; font-family: var(--font); font-size: 14px; line-height: 1.5; color: var(--text);
  background: var(--bg); display: flex; flex-direction: column;
}
a { color: var(--primary); }
a:hover { color: var(--primary-strong); }
:focus-visible { outline: 3px solid #5fb3bf; outline-offset: 2px; }
h1, h2, h3 { margin: 0; line-height: 1.3; }
h1 { font-size: 20px; }
h2 { font-size: 16px; }
h3 { font-size: 14px; }
.muted { color: var(--muted); }
.nowrap { white-space: nowrap; }
.small { font-size: 12px; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}

/* Top bar */
.topbar {
  height: var(--topbar-h); flex: none; display: flex; align-items: center; gap: 20px; padding: 0 20px;
  background: #0d2b36; color: #e8f1f4;
}
.brand { display: flex; align-items: center; gap: 10px; color: inherit; text-decoration: none; }
.brand:hover { color: #fff; }
.brand-mark {
  width: 28px; height: 28px; border-radius: 7px; background: linear-gradient(135deg, #19a4b4, #0a6c7a);
  display: grid; place-items: center; font-weight: 700; color: #fff; font-size: 15px;
}
.brand-name { font-weight: 650; font-size: 16px; letter-spacing: 0.2px; }
.brand-tenant { color: #9fb9c2; font-size: 13px; border-left: 1px solid #2f4f5b; padding-left: 10px; }
.nav { display: flex; gap: 4px; }
.nav a {
  color: #bcd0d7; text-decoration: none; padding: 6px 10px; border-radius: 6px; font-size: 13px;
}
.nav a:hover { background: #17404d; color: #fff; }
.nav a[aria-current="page"] { background: #1d5060; color: #fff; }
.topbar-spacer { flex: 1; }
.lang-switch { display: flex; gap: 2px; font-size: 12px; background: #17404d; border-radius: 6px; padding: 2px; }
.lang-switch a { color: #bcd0d7; text-decoration: none; padding: 3px 8px; border-radius: 4px; }
.lang-switch a[aria-current="true"] { background: #e8f1f4; color: #0d2b36; font-weight: 600; }
.user { display: flex; align-items: center; gap: 8px; font-size: 13px; }
.user-role {
  font-size: 11px; padding: 1px 7px; border-radius: 10px; background: #1d5060; color: #d9edf1;
}
.topbar form { margin: 0; }
.topbar .btn-ghost { color: #d9edf1; border-color: #2f5866; }
.topbar .btn-ghost:hover { background: #17404d; }

/* Controls */
.btn {
  display: inline-flex; align-items: center; justify-content: center; gap: 6px; font: inherit;
  font-size: 13px; font-weight: 600; padding: 7px 14px; border-radius: 6px; border: 1px solid transparent;
  cursor: pointer; text-decoration: none; white-space: nowrap;
}
.btn:disabled { opacity: 0.5; cursor: not-allowed; }
.btn-primary { background: var(--primary); color: #fff; }
.btn-primary:hover:not(:disabled) { background: var(--primary-strong); color: #fff; }
.btn-secondary { background: var(--surface); color: var(--text); border-color: var(--border); }
.btn-secondary:hover:not(:disabled) { background: var(--surface-2); }
.btn-ghost { background: transparent; color: var(--text); border-color: var(--border); font-weight: 500; }
.btn-ok { background: var(--ok); color: #fff; }
.input, textarea.input {
  width: 100%; font: inherit; padding: 8px 10px; border: 1px solid var(--border); border-radius: 6px;
  background: #fff; color: var(--text);
}
.input:focus { border-color: var(--primary); outline: 2px solid var(--primary-soft); }
label { font-weight: 600; font-size: 13px; display: block; margin-bottom: 4px; }
.field { margin-bottom: 14px; }

.badge {
  display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 8px; border-radius: 10px;
  background: #e9edf2; color: var(--muted); white-space: nowrap;
}
.badge-queued { background: var(--warn-soft); color: var(--warn); }
.badge-assigned { background: var(--primary-soft); color: var(--primary-strong); }
.badge-resolved { background: var(--ok-soft); color: var(--ok); }
.badge-new { background: var(--danger); color: #fff; }
.chip {
  display: inline-block; font-size: 12px; padding: 1px 8px; margin: 1px 4px 1px 0; border-radius: 4px;
  background: var(--surface-2); border: 1px solid var(--border); white-space: nowrap;
}
.chip code { font-family: var(--mono); font-size: 11.5px; }
.chip-expiring { background: var(--warn-soft); border-color: #f1d8a6; color: var(--warn); }
.alert { padding: 10px 12px; border-radius: 6px; margin-bottom: 14px; font-size: 13px; }
.alert-error { background: var(--danger-soft); color: var(--danger); border: 1px solid #f5c2bd; }
.alert-info { background: var(--primary-soft); color: var(--primary-strong); }

.live { display: inline-flex; align-items: center; gap: 6px; font-size: 12px; color: var(--muted); }
.live::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: #a0acb8; }
.live[data-state="open"]::before { background: #22a35a; box-shadow: 0 0 0 3px #d7f2e2; }
.live[data-state="connecting"]::before { background: #e0a000; }

.empty {
  text-align: center; padding: 28px 20px; color: var(--muted); display: flex; flex-direction: column;
  align-items: center; gap: 6px;
}
.empty-icon {
  width: 44px; height: 44px; border-radius: 50%; background: var(--primary-soft); color: var(--primary);
  display: grid; place-items: center; font-size: 20px; margin-bottom: 4px;
}
.empty strong { color: var(--text); font-size: 15px; }

.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }

/* Scrolling pages (supervisor, admin, messages) */
.page { flex: 1; overflow: auto; padding: 24px 28px; }
.page-inner { max-width: 1280px; margin: 0 auto; }
.page-head { display: flex; align-items: flex-end; gap: 16px; margin-bottom: 18px; }
.page-head p { margin: 4px 0 0; }

/* Login and message pages */
.center-page { flex: 1; display: grid; place-items: center; padding: 24px; overflow: auto; }
.login { display: grid; grid-template-columns: 360px 300px; gap: 0; overflow: hidden; }
.login-form { padding: 28px; }
.login-form h1 { margin-bottom: 4px; }
.login-form p { margin: 0 0 20px; }
.login-demo { background: var(--surface-2); border-left: 1px solid var(--border); padding: 28px 24px; font-size: 13px; }
.login-demo h2 { font-size: 14px; margin-bottom: 10px; }
.login-demo ul { list-style: none; padding: 0; margin: 0 0 12px; }
.login-demo li { padding: 3px 0; display: flex; justify-content: space-between; gap: 8px; }
.login-demo code { font-family: var(--mono); font-size: 12px; }
.login .btn-primary { width: 100%; padding: 9px; }
.message-card { max-width: 520px; padding: 32px; text-align: center; }
.message-card h1 { margin-bottom: 10px; }
.message-card .empty-icon { margin: 0 auto 12px; }
.message-card .actions { margin-top: 20px; display: flex; gap: 10px; justify-content: center; }

/* Tables */
table.data { width: 100%; border-collapse: collapse; font-size: 13px; }
table.data th {
  text-align: left; font-weight: 600; color: var(--muted); font-size: 12px; padding: 9px 12px;
  border-bottom: 1px solid var(--border); background: var(--surface-2); position: sticky; top: 0;
}
table.data td { padding: 9px 12px; border-bottom: 1px solid #edf0f4; vertical-align: top; }
table.data tr:last-child td { border-bottom: 0; }
table.data tbody tr:hover td { background: #fafcfd; }
.num { text-align: right; font-variant-numeric: tabular-nums; }

/* Agent workspace */
.workspace { flex: 1; display: grid; grid-template-columns: 340px 1fr; min-height: 0; }
.sidebar { background: var(--surface); border-right: 1px solid var(--border); display: flex; flex-direction: column; min-height: 0; }
.sidebar-head { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px; border-bottom: 1px solid var(--border); }
.list-section { display: flex; flex-direction: column; min-height: 0; flex: 1; }
.list-section + .list-section { border-top: 1px solid var(--border); }
.list-title {
  display: flex; align-items: center; gap: 8px; padding: 10px 16px 6px; font-size: 12px; font-weight: 700;
  color: var(--muted); text-transform: uppercase; letter-spacing: 0.4px;
}
.list-title .count { background: #e9edf2; border-radius: 9px; padding: 0 7px; font-size: 11px; color: var(--text); }
.conv-list { list-style: none; margin: 0; padding: 0 8px 8px; overflow: auto; flex: 1; }
.conv-list:empty { flex: 0; padding: 0; }
.conv-item {
  width: 100%; text-align: left; font: inherit; background: transparent; border: 1px solid transparent;
  border-radius: 6px; padding: 9px 10px; cursor: pointer; display: grid; gap: 2px; color: var(--text);
}
.conv-item:hover { background: var(--surface-2); }
.conv-item[aria-current="true"] { background: var(--primary-soft); border-color: #b7dde2; }
.conv-item .row { display: flex; align-items: center; gap: 6px; justify-content: space-between; }
.conv-subject { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.conv-meta { font-size: 12px; color: var(--muted); }
.list-section .empty { padding: 18px 16px; font-size: 13px; }

.conversation { display: flex; flex-direction: column; min-height: 0; min-width: 0; background: var(--bg); }
.conv-head {
  display: flex; align-items: center; gap: 12px; padding: 12px 20px; background: var(--surface);
  border-bottom: 1px solid var(--border);
}
.conv-title { flex: 1; min-width: 0; }
.conv-head h2 { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.conv-head .alert { margin: 0; padding: 5px 10px; }
.conv-actions { display: flex; gap: 8px; }
.messages { flex: 1; overflow: auto; padding: 18px 20px; display: flex; flex-direction: column; gap: 10px; }
.msg { max-width: 68%; display: flex; flex-direction: column; gap: 2px; }
.msg-meta { font-size: 11px; color: var(--muted); padding: 0 4px; }
.bubble {
  padding: 8px 12px; border-radius: 12px; background: var(--surface); border: 1px solid var(--border);
  white-space: pre-wrap; word-wrap: break-word; overflow-wrap: anywhere;
}
.msg-mine { align-self: flex-end; align-items: flex-end; }
.msg-theirs { align-self: flex-start; align-items: flex-start; }
.msg-mine .bubble { background: var(--primary); color: #fff; border-color: var(--primary); border-bottom-right-radius: 4px; }
.msg-theirs .bubble { border-bottom-left-radius: 4px; }
.msg-pending .bubble { opacity: 0.65; }
.msg-failed .bubble { background: var(--danger-soft); color: var(--danger); border-color: #f5c2bd; }
.notice { align-self: center; font-size: 12px; color: var(--muted); background: #e9edf2; border-radius: 10px; padding: 2px 10px; }
.composer { border-top: 1px solid var(--border); background: var(--surface); padding: 12px 20px; display: flex; gap: 10px; align-items: flex-end; }
.composer textarea { resize: none; min-height: 42px; max-height: 140px; }
.composer-note { padding: 14px 20px; background: var(--surface); border-top: 1px solid var(--border); color: var(--muted); font-size: 13px; }
.conversation > .empty { flex: 1; justify-content: center; }
.kbd { font-family: var(--mono); font-size: 11px; border: 1px solid var(--border); border-bottom-width: 2px; border-radius: 4px; padding: 0 5px; background: #fff; }

/* Supervisor */
.stats { display: flex; gap: 12px; margin-bottom: 18px; }
.stat { padding: 12px 18px; min-width: 150px; }
.stat-value { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; }
.stat-label { color: var(--muted); font-size: 12px; }
.stat-queued .stat-value { color: var(--warn); }
.stat-assigned .stat-value { color: var(--primary); }

/* Admin */
.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--border); margin-bottom: 16px; }
.tab {
  font: inherit; font-weight: 600; font-size: 13px; padding: 8px 14px; border: 0; background: none; cursor: pointer;
  color: var(--muted); border-bottom: 2px solid transparent; margin-bottom: -1px;
}
.tab[aria-selected="true"] { color: var(--primary-strong); border-bottom-color: var(--primary); }
.tab .count { font-weight: 500; color: var(--muted); margin-left: 4px; }
.sop-layout { display: grid; grid-template-columns: minmax(0, 6fr) minmax(0, 7fr); gap: 16px; align-items: start; }
.sop-row { cursor: pointer; }
table.data tr.sop-row[aria-selected="true"] td { background: var(--primary-soft); }
table.data td code { white-space: nowrap; }
.sop-detail { padding: 18px 20px; }
.sop-detail h2 { margin-bottom: 2px; }
.sop-detail h3 { margin: 14px 0 6px; }
.sop-detail .steps { margin-top: 0; }
.steps { list-style: none; margin: 14px 0 0; padding: 0; counter-reset: step; }
.step { border: 1px solid var(--border); border-radius: 6px; padding: 10px 12px; margin-bottom: 10px; }
.step-title { font-weight: 650; margin-bottom: 6px; }
.step-lang { display: grid; grid-template-columns: 28px 1fr; gap: 6px; margin: 3px 0; }
.step-lang .tag { font-size: 11px; font-weight: 700; color: var(--muted); padding-top: 1px; }
.step-facts { margin-top: 6px; font-size: 12px; color: var(--muted); }
.kb-search { display: flex; gap: 10px; align-items: center; margin-bottom: 14px; }
.kb-search .input { max-width: 420px; }
.kb-list { display: grid; gap: 10px; }
.kb-item { padding: 12px 16px; }
.kb-item h3 { margin-bottom: 4px; display: flex; gap: 8px; align-items: center; }
.kb-item p { margin: 0; color: var(--muted); font-size: 13px; white-space: pre-wrap; }

/* Widget */
.widget-page {
  flex: 1; display: grid; place-items: center; padding: 20px; overflow: auto;
  background: linear-gradient(160deg, #e4f0f3 0%, #f3f5f8 55%);
}
.widget { width: 420px; height: min(640px, calc(100vh - 40px)); display: flex; flex-direction: column; overflow: hidden; }
.widget-head { background: var(--primary); color: #fff; padding: 14px 16px; display: flex; align-items: center; gap: 12px; }
.widget-head h1 { font-size: 16px; }
.widget-head .sub { font-size: 12px; color: #cde9ed; }
.widget-head .lang-switch { background: rgba(0, 0, 0, 0.18); margin-left: auto; }
.widget-head .lang-switch a { color: #dff1f4; }
.widget-head .lang-switch a[aria-current="true"] { color: var(--primary-strong); }
.widget-head .live { color: #cde9ed; margin-left: 6px; }
.widget .messages { background: var(--surface-2); padding: 16px; }
.widget .msg { max-width: 82%; }
.widget .composer { padding: 10px 12px; flex-direction: column; align-items: stretch; gap: 6px; }
.widget .composer-row { display: flex; gap: 8px; align-items: flex-end; }
.widget .composer-hint { font-size: 11px; color: var(--muted); }
.greeting { margin: auto 0; text-align: center; color: var(--muted); padding: 20px; }
.greeting strong { display: block; color: var(--text); font-size: 16px; margin-bottom: 6px; }
.greeting .empty-icon { margin: 0 auto 10px; }
`;
