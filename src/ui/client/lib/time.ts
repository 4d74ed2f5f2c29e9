/** @module Human-friendly durations and clock times in the page language. */
import type { Translate } from './page-data.ts';

export function duration(ms: number, t: Translate): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 10) return t('time.justNow');
  if (s < 60) return t('time.seconds', { n: s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('time.minutes', { n: m });
  return t('time.hours', { h: Math.floor(m / 60), m: m % 60 });
}

export function clockTime(ts: number, lang: 'zh' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  }).format(ts);
}

export function dateTime(ts: number, lang: 'zh' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ts);
}
