/**
 * @module Which language a page is rendered in: `?lang=` (remembered in the `lang` cookie), then
 * the cookie, then the browser's Accept-Language, then the tenant's default.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '#src/http/env.ts';
import { isLang, type Lang } from './i18n.ts';

export const LANG_COOKIE = 'lang';
const ONE_YEAR_S = 365 * 24 * 3600;

/** The first of zh/en the browser prefers, honouring q-values; null when neither is listed. */
export function langFromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.tag && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (isLang(primary)) return primary;
  }
  return null;
}

/** Resolves the page language and remembers an explicit `?lang=` choice. */
export function resolveLang(c: Context<AppEnv>, tenantDefault: Lang = 'zh'): Lang {
  const asked = c.req.query('lang');
  if (isLang(asked)) {
    setCookie(c, LANG_COOKIE, asked, { path: '/', sameSite: 'Lax', maxAge: ONE_YEAR_S });
    return asked;
  }
  const remembered = getCookie(c, LANG_COOKIE);
  if (isLang(remembered)) return remembered;
  return langFromAcceptLanguage(c.req.header('accept-language')) ?? tenantDefault;
}

/** The current address with `lang` set, for the language switch links. */
export function withLang(c: Context<AppEnv>, lang: Lang): string {
  const url = new URL(c.req.url);
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}
