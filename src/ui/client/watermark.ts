/**
 * @module Watermark island: keeps the server-rendered overlay in place. If anything removes the
 * element, hides it, or edits its style or attributes (a CSS toggle, devtools, another script),
 * it is put back at once; the time it shows is advanced each minute from the server's clock
 * (offset measured at load, so a skewed client clock does not change what a photo says).
 */
import { styleAttribute, WATERMARK_ID, type WatermarkIdentity, watermarkStyle } from '../watermark-svg.ts';

const original = document.getElementById(WATERMARK_ID);

if (original) {
  const who: WatermarkIdentity = {
    displayName: original.dataset.name ?? '',
    userId: original.dataset.user ?? '',
    tenant: original.dataset.tenant ?? '',
  };
  const offset = Number(original.dataset.at ?? Date.now()) - Date.now();
  const serverNow = () => Date.now() + offset;
  let el: HTMLElement = original;
  let expected = '';

  const apply = () => {
    const style = styleAttribute(watermarkStyle(who, serverNow()));
    expected = style;
    el.setAttribute('style', style);
    el.removeAttribute('hidden');
    el.removeAttribute('class');
    if (el.parentElement !== document.body || document.body.lastElementChild !== el) {
      document.body.appendChild(el);
    }
  };

  const rebuild = () => {
    // A fresh element, in case the old one was restyled through a reference we cannot see.
    const fresh = document.createElement('div');
    fresh.id = WATERMARK_ID;
    fresh.setAttribute('aria-hidden', 'true');
    fresh.dataset.testid = 'watermark';
    el = fresh;
    apply();
  };

  const observer = new MutationObserver(() => {
    observer.disconnect();
    if (!el.isConnected) rebuild();
    else if (el.getAttribute('style') !== expected || el.hasAttribute('hidden') || el.hasAttribute('class'))
      apply();
    else if (document.body.lastElementChild !== el) document.body.appendChild(el);
    watch();
  });
  const watch = () => {
    observer.observe(document.body, { childList: true });
    observer.observe(el, { attributes: true });
  };

  apply();
  watch();
  setInterval(() => {
    observer.disconnect();
    apply();
    watch();
  }, 60_000);
}
