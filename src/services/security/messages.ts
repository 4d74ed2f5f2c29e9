/** @module The sign-in refusals people read, in both page languages (the API sends the English). */

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

export function lockedMessage(lang: 'zh' | 'en', untilMs: number, nowMs: number): string {
  const m = minutes(untilMs - nowMs);
  return lang === 'zh'
    ? `密码连续错误次数过多，该账号已被临时锁定，请在 ${m} 分钟后再试。如需立即解锁，请联系管理员。`
    : `Too many wrong passwords: this account is locked for ${m} more minute${m === 1 ? '' : 's'}. Try again later, or ask an administrator to unlock it.`;
}

export function rateLimitedMessage(lang: 'zh' | 'en', retryAfterS: number): string {
  return lang === 'zh'
    ? `请求过于频繁，请在 ${retryAfterS} 秒后再试。`
    : `Too many attempts from this network. Try again in ${retryAfterS} s.`;
}

/** Sign-in or a request from outside the tenant's IP allow-list. */
export const NETWORK_REFUSED =
  'Your organisation only allows Tidedesk from its own networks, and this address is not one of them.';
