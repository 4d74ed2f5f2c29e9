/**
 * @module Scorecard island: records a person's decision (a note is required to reject or to go
 * against the advice; the server says so if it is missing) and retries queued transcriptions.
 * The page itself is server-rendered; after a change it reloads.
 */
import type { Strings } from '../i18n.ts';
import { api } from './lib/api.ts';
import { fill, h } from './lib/dom.ts';
import { makeT, readPageData } from './lib/page-data.ts';

const data = readPageData<{ lang: 'zh' | 'en'; strings: Partial<Strings> }>();
const t = makeT(data.strings);

const form = document.getElementById('decision-form') as HTMLFormElement | null;
form?.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const status = document.getElementById('decision-status');
  const outcome = (form.querySelector('input[name="outcome"]:checked') as HTMLInputElement | null)?.value;
  const note = (document.getElementById('decision-note') as HTMLTextAreaElement).value;
  if (!outcome || !status) return;
  try {
    await api(`/api/v1/interviews/candidates/${form.dataset.candidate}/decisions`, {
      method: 'POST',
      body: { outcome, note },
    });
    location.reload();
  } catch (err) {
    fill(
      status,
      h(
        'div',
        { class: 'alert alert-error', role: 'alert' },
        t('common.error', { reason: (err as Error).message }),
      ),
    );
  }
});

for (const button of document.querySelectorAll<HTMLButtonElement>('.retry-transcription')) {
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api(`/api/v1/interviews/candidates/${button.dataset.candidate}/transcriptions/retry`, {
        method: 'POST',
      });
    } finally {
      location.reload();
    }
  });
}
