/**
 * @module Session-lock island (staff pages). After the tenant's idle time without keyboard or
 * pointer input it locks the session on the server and asks for the password again; any API
 * call refused with `session_locked` (the server's own idle lock, or another tab's) opens the
 * same dialog and is retried once the session is unlocked, so nothing the agent typed is lost.
 * A wrong password ends the session and goes to the sign-in page.
 */

const zh = document.documentElement.lang.startsWith('zh');
const S = zh
  ? {
      title: '会话已锁定',
      body: '长时间未操作，工作台已锁定。请输入密码继续，会话与进行中的对话会保留。',
      password: '密码',
      unlock: '解锁',
      signOut: '退出登录',
      wrong: '密码错误，请重新登录。',
    }
  : {
      title: 'Session locked',
      body: 'The workspace locked after a period without activity. Enter your password to continue; your session and open conversations are kept.',
      password: 'Password',
      unlock: 'Unlock',
      signOut: 'Sign out',
      wrong: 'Wrong password — please sign in again.',
    };

const nativeFetch = window.fetch.bind(window);
let pending: Promise<boolean> | null = null;
let lastInput = Date.now();

const signInAgain = () =>
  location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);

async function isLockedResponse(res: Response): Promise<boolean> {
  if (res.status !== 401) return false;
  try {
    return ((await res.clone().json()) as { code?: string }).code === 'session_locked';
  } catch {
    return false;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(type: 'submit' | 'button', text: string, className: string): HTMLButtonElement {
  const b = el('button', text);
  b.type = type;
  b.className = className;
  return b;
}

function askPassword(): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = el('dialog');
    dialog.dataset.testid = 'session-lock';
    dialog.setAttribute('aria-labelledby', 'td-lock-title');
    dialog.style.cssText = 'max-width: 26rem; border: 0; border-radius: 12px; padding: 24px;';
    const form = el('form');
    const input = el('input');
    input.type = 'password';
    input.name = 'password';
    input.required = true;
    input.autocomplete = 'current-password';
    input.setAttribute('aria-label', S.password);
    input.style.cssText = 'width: 100%; margin: 12px 0; padding: 8px;';
    const error = el('p');
    error.hidden = true;
    error.setAttribute('role', 'alert');
    const submit = button('submit', S.unlock, 'btn btn-primary');
    const out = button('button', S.signOut, 'btn btn-ghost');
    const title = el('h2', S.title);
    title.id = 'td-lock-title';
    form.append(title, el('p', S.body), input, error, submit, out);
    dialog.append(form);
    document.body.append(dialog);
    // Escape would close the dialog and leave the page half-working; the lock stays until decided.
    dialog.addEventListener('cancel', (e) => e.preventDefault());
    out.addEventListener('click', () => {
      void nativeFetch('/logout', { method: 'POST', credentials: 'same-origin' }).finally(signInAgain);
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.disabled = true;
      const res = await nativeFetch('/api/v1/auth/unlock', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ password: input.value }),
      }).catch(() => null);
      submit.disabled = false;
      if (res?.ok) {
        dialog.close();
        dialog.remove();
        lastInput = Date.now();
        resolve(true);
        return;
      }
      if (res && res.status === 401) {
        error.textContent = S.wrong;
        error.hidden = false;
        setTimeout(signInAgain, 1500);
        resolve(false);
      }
    });
    dialog.showModal();
    input.focus();
  });
}

function unlock(): Promise<boolean> {
  pending ??= askPassword().finally(() => {
    pending = null;
  });
  return pending;
}

window.fetch = async (input, init) => {
  const res = await nativeFetch(input, init);
  if (!(await isLockedResponse(res))) return res;
  return (await unlock()) ? nativeFetch(input, init) : res;
};

for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart']) {
  addEventListener(
    type,
    () => {
      if (!pending) lastInput = Date.now();
    },
    { passive: true, capture: true },
  );
}

async function watchIdle(): Promise<void> {
  const res = await nativeFetch('/api/v1/auth/session', { credentials: 'same-origin' }).catch(() => null);
  if (!res?.ok) return;
  const { idleLockMinutes } = (await res.json()) as { idleLockMinutes: number };
  if (idleLockMinutes <= 0) return;
  setInterval(async () => {
    if (pending || Date.now() - lastInput < idleLockMinutes * 60_000) return;
    await nativeFetch('/api/v1/auth/lock', { method: 'POST', credentials: 'same-origin' }).catch(() => null);
    void unlock();
  }, 15_000);
}

void watchIdle();
