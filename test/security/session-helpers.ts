/** @module Helpers the security suites share: page sign-in through the form, cookie extraction. */
import { SESSION_COOKIE } from '#src/http/auth.ts';
import { DEMO_PASSWORD, type TestApp } from '../helpers/app.ts';

/** Posts the sign-in form (as a same-origin browser would) and returns the raw response. */
export function postLogin(
  t: TestApp,
  email: string,
  password = DEMO_PASSWORD,
  headers: Record<string, string> = {},
) {
  return t.app.request('/login', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
    body: new URLSearchParams({ email, password }).toString(),
  });
}

/** Signs in through the form; returns the `Cookie` header value carrying the page session. */
export async function sessionCookie(t: TestApp, email: string): Promise<string> {
  const res = await postLogin(t, email);
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(res.headers.get('set-cookie') ?? '');
  if (!match) throw new Error(`no session cookie for ${email}: ${res.status}`);
  return `${SESSION_COOKIE}=${match[1]}`;
}
