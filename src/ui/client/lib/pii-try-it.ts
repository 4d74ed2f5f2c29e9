/**
 * @module The admin's try-it box: personal data is highlighted as the admin types (debounced,
 * the previous request aborted), with each entity's mask and the text as it would be stored.
 */
import type { DetectResponse } from '#routes/pii/pii.routes.ts';
import { api } from './api.ts';
import { fill, h } from './dom.ts';
import { type AdminCtx, card, errorText } from './pii-admin-kit.ts';

export function tryIt(ctx: AdminCtx): HTMLElement {
  const { t } = ctx;
  const input = h('textarea', {
    class: 'input',
    rows: 4,
    maxlength: 8000,
    placeholder: t('admin.pii.try.placeholder'),
    'aria-label': t('admin.pii.try.label'),
    'data-testid': 'pii-try-input',
  });
  const preview = h('div', { class: 'pii-preview', 'aria-live': 'polite', 'data-testid': 'pii-try-preview' });
  const summary = h('div', { class: 'pii-entities muted', 'data-testid': 'pii-try-summary' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;

  async function detect(text: string) {
    inFlight?.abort();
    if (!text.trim()) {
      fill(preview);
      fill(summary);
      return;
    }
    const request = new AbortController();
    inFlight = request;
    let result: DetectResponse;
    try {
      result = await api<DetectResponse>('/api/v1/pii/detect', {
        method: 'POST',
        body: { text },
        signal: request.signal,
      });
    } catch (err) {
      if ((err as Error).name !== 'AbortError') fill(summary, errorText(ctx, err));
      return;
    }
    // Offsets refer to the text that was sent; the box may have changed since.
    const nodes: (Node | string)[] = [];
    let cursor = 0;
    for (const e of result.entities) {
      nodes.push(
        text.slice(cursor, e.start),
        h(
          'mark',
          {
            class: 'pii-hit',
            'data-type': e.type,
            'data-testid': 'pii-hit',
            title: `${e.type} · ${e.score}`,
          },
          text.slice(e.start, e.end),
        ),
      );
      cursor = e.end;
    }
    nodes.push(text.slice(cursor));
    fill(preview, ...nodes);
    fill(
      summary,
      result.entities.length === 0
        ? t('admin.pii.try.none')
        : h(
            'div',
            {},
            h('strong', {}, t('admin.pii.try.count', { n: result.entities.length })),
            ' ',
            ...result.entities.map((e) =>
              h(
                'span',
                { class: 'chip', 'data-testid': 'pii-try-entity', 'data-type': e.type },
                h('code', {}, e.type),
                ` ${e.display}`,
              ),
            ),
            h(
              'div',
              {},
              `${t('admin.pii.try.masked')}: `,
              h('code', { 'data-testid': 'pii-try-masked' }, result.masked),
            ),
          ),
    );
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void detect(input.value), 250);
  });
  return card(
    'pii-try',
    'pii-try',
    t('admin.pii.try.title'),
    h('p', { class: 'muted small' }, t('admin.pii.try.hint')),
    input,
    preview,
    summary,
  );
}
