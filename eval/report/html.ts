/**
 * @module Shared HTML pieces for the eval reports: escaping, the page shell with inline CSS, and
 * number formatting. Every dynamic string goes through `esc`; charts arrive as SVG strings built
 * by charts.ts.
 */

export function esc(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Fixed decimals for rates; counts (integers above 1, e.g. support) without decimals. */
export const num = (v: unknown, digits = 4): string => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  return Number.isInteger(v) && Math.abs(v) > 1 ? String(v) : v.toFixed(digits);
};

/** A bilingual heading: Chinese first, English after, as the product's UI does. */
export const heading = (level: 2 | 3, zh: string, en: string, id?: string): string =>
  `<h${level}${id ? ` id="${esc(id)}"` : ''}>${esc(zh)} <span class="en">${esc(en)}</span></h${level}>`;

const CSS = `
:root{color-scheme:light;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--bad:#cf222e;--good:#1a7f37}
*{box-sizing:border-box}
body{font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:16px;margin:20px 0 6px}
.en{color:var(--muted);font-weight:400}
table{border-collapse:collapse;margin:8px 0 16px;width:100%}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.text{max-width:420px;white-space:pre-wrap;word-break:break-word}
.bad{color:var(--bad);font-weight:600}.good{color:var(--good);font-weight:600}.muted{color:var(--muted)}
.notice{background:#fff8c5;border:1px solid #d4a72c;padding:6px 10px;border-radius:6px;margin:6px 0}
.chart{overflow-x:auto;margin:8px 0 16px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
nav a{margin-right:12px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
`;

/** A complete, self-contained HTML document. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
