/**
 * @module The watermark tile: an SVG with the viewer's identity and the time, rotated and faint,
 * as a data: URL for a CSS background. Pure and dependency-free so the server (first paint) and
 * the watermark island (minute updates, re-assertion) build exactly the same image.
 */

export interface WatermarkIdentity {
  displayName: string;
  userId: string;
  tenant: string;
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `2026-11-24 13:45 UTC` — UTC so a photo means the same to everyone who reads it. */
export function watermarkTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function watermarkLines(who: WatermarkIdentity, ms: number): string[] {
  return [who.displayName, who.userId, `${who.tenant} · ${watermarkTime(ms)}`];
}

export function watermarkSvg(who: WatermarkIdentity, ms: number): string {
  // Three short lines in a wide tile, so a long name or id is never cut at the tile's edge.
  const lines = watermarkLines(who, ms)
    .map((line, i) => `<text x="220" y="${118 + i * 18}">${xml(line)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="440" height="280" viewBox="0 0 440 280">` +
    `<g transform="rotate(-22 220 140)" fill="#1f2937" fill-opacity="0.09" ` +
    `font-family="system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif" font-size="13" text-anchor="middle">` +
    `${lines}</g></svg>`
  );
}

export function watermarkUrl(who: WatermarkIdentity, ms: number): string {
  return `url("data:image/svg+xml;charset=utf-8,${encodeURIComponent(watermarkSvg(who, ms))}")`;
}

export const WATERMARK_ID = 'td-watermark';

/**
 * Declarations the overlay needs; applied as `!important` inline styles, which no stylesheet
 * rule in the page can override.
 */
export function watermarkStyle(who: WatermarkIdentity, ms: number): Record<string, string> {
  return {
    position: 'fixed',
    inset: '0',
    'z-index': '2147483647',
    'pointer-events': 'none',
    display: 'block',
    visibility: 'visible',
    opacity: '1',
    'background-repeat': 'repeat',
    'background-image': watermarkUrl(who, ms),
  };
}

export function styleAttribute(decls: Record<string, string>): string {
  return Object.entries(decls)
    .map(([k, v]) => `${k}: ${v} !important`)
    .join('; ');
}
