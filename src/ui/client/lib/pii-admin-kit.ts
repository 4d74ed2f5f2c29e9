/**
 * @module Shared pieces of the admin PII tab's cards: the page context (translator, language),
 * a titled card and a PUT helper that reports field errors (api() only sends GET and POST).
 */
import { ApiError } from './api.ts';
import { h } from './dom.ts';
import type { Translate } from './page-data.ts';

export interface AdminCtx {
  t: Translate;
  lang: 'zh' | 'en';
}

export const errorText = (ctx: AdminCtx, err: unknown) =>
  ctx.t('common.error', { reason: (err as Error).message });

export const card = (cls: string, testid: string, title: string, ...children: (Node | null)[]) =>
  h('section', { class: `card ${cls}`, 'data-testid': testid }, h('h2', {}, title), ...children);

/** PUT JSON; a problem becomes an ApiError whose message lists the field errors. */
export async function put<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const json = (await res.json()) as T & {
    code?: string;
    detail?: string;
    errors?: { path: string; message: string }[];
  };
  if (!res.ok) {
    const fields = json.errors?.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new ApiError(res.status, json.code ?? 'http_error', fields || json.detail || `HTTP ${res.status}`);
  }
  return json;
}
