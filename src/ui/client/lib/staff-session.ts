/** @module What a staff page does when its event stream is refused: re-check the session. */
import { ApiError, api } from './api.ts';

/**
 * Resolves true to reconnect. An expired session sends the person to sign in (and back here
 * afterwards) instead of retrying a stream the server will keep refusing.
 */
export async function reconnectOrSignIn(): Promise<boolean> {
  try {
    await api('/api/v1/me');
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
      return false;
    }
    return true;
  }
}
