/**
 * @module The supervisor wall island part: renders GET /api/v1/dispatch/wall (queues by skill,
 * service level, agents by level, alerts, a tile per agent) and refetches it — at most a few
 * times a second — whenever an inbox event may have changed it, plus every 10 s so waits tick.
 */
import type { WallDto } from '#routes/dispatch/dispatch.routes.ts';
import { api } from './api.ts';
import { byId, fill, h } from './dom.ts';
import type { Translate } from './page-data.ts';
import { duration } from './time.ts';

const REFRESH_MS = 10_000;
const THROTTLE_MS = 400;

/** Event types after which the wall may have changed. */
export const WALL_EVENTS = [
  'conversation.created',
  'conversation.assigned',
  'conversation.resolved',
  'conversation.transferred',
  'conversation.classified',
  'dispatch.triaged',
  'dispatch.unstaffed',
  'dispatch.offered',
  'dispatch.offer_expired',
  'dispatch.widened',
  'dispatch.sla_risk',
  'dispatch.requeued',
  'agent.presence',
  'staffing.call_in',
  'staffing.shift_accepted',
  'staffing.shift_released',
];

const pct = (x: number | null) => (x === null ? null : `${Math.round(x * 100)}%`);

export function createSupervisorWall(o: { t: Translate; lang: 'zh' | 'en'; onLoaded?: () => void }) {
  const { t } = o;
  const els = {
    rows: byId('wall-rows'),
    alerts: byId('alerts'),
    alertCount: byId('alert-count'),
    totals: byId('totals'),
    grid: byId('agent-grid'),
    slHead: byId('wall-sl-head'),
  };
  let wall: WallDto | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let again = false;

  const skillName = (s: { skill: string; nameZh: string; nameEn: string }) =>
    o.lang === 'zh' ? s.nameZh : s.nameEn;

  function levels(counts: number[], busy: boolean) {
    return h(
      'span',
      { class: 'levels' },
      ...counts.map((n) => h('span', { class: `lv${busy ? ' busy' : ''}${n > 0 ? ' on' : ''}` }, n)),
    );
  }

  function render() {
    if (!wall) return;
    const w = wall;
    els.slHead.title = t('sup.wall.slHint', {
      s: w.serviceLevelSeconds,
      target: pct(w.serviceLevelTarget) ?? '',
    });
    const alertOf = new Map<string, 'critical' | 'warn'>();
    for (const a of w.alerts) {
      if (a.skill && alertOf.get(a.skill) !== 'critical') alertOf.set(a.skill, a.severity);
    }
    const none = t('sup.wall.none');
    const rows = w.skills.map((s) => {
      const sl = s.serviceLevel;
      return h(
        'tr',
        { 'data-testid': 'wall-skill', 'data-skill': s.skill, 'data-alert': alertOf.get(s.skill) ?? '' },
        h('td', { title: s.skill }, skillName(s)),
        h('td', { class: 'num', 'data-testid': 'wall-waiting' }, s.waiting),
        h(
          'td',
          { class: 'num' },
          s.longestWaitSeconds === null ? none : duration(s.longestWaitSeconds * 1000, t),
        ),
        h(
          'td',
          {
            class: `num ${sl === null ? '' : sl < w.serviceLevelTarget ? 'sl-bad' : 'sl-ok'}`,
            'data-testid': 'wall-sl',
          },
          pct(sl) ?? none,
        ),
        h('td', { class: 'num' }, pct(s.abandonRate) ?? none),
        h('td', { 'data-testid': 'wall-available' }, levels(s.agentsAvailableByLevel, false)),
        h('td', {}, levels(s.agentsBusyByLevel, true)),
      );
    });
    rows.unshift(
      h(
        'tr',
        { 'data-testid': 'wall-triage', 'data-alert': w.triage.waiting > 0 ? 'warn' : '' },
        h('td', {}, h('span', { class: 'badge badge-triage' }, t('sup.wall.triage'))),
        h('td', { class: 'num' }, w.triage.waiting),
        h(
          'td',
          { class: 'num' },
          w.triage.longestWaitSeconds === null ? none : duration(w.triage.longestWaitSeconds * 1000, t),
        ),
        h('td', { colspan: 4 }),
      ),
    );
    fill(els.rows, ...rows);

    const byKey = new Map(w.skills.map((s) => [s.skill, s]));
    const alertText = (a: WallDto['alerts'][number]) => {
      const s = a.skill ? byKey.get(a.skill) : undefined;
      const skill = s ? skillName(s) : (a.skill ?? '');
      switch (a.kind) {
        case 'unstaffed':
          return t('sup.alert.unstaffed', { skill, n: s?.waiting ?? 0 });
        case 'sla-risk':
          return t('sup.alert.sla-risk', { skill, time: duration((s?.longestWaitSeconds ?? 0) * 1000, t) });
        case 'service-level':
          return t('sup.alert.service-level', {
            skill,
            sl: pct(s?.serviceLevel ?? null) ?? none,
            target: pct(w.serviceLevelTarget) ?? '',
          });
        case 'triage':
          return t('sup.alert.triage', { n: w.triage.waiting });
      }
    };
    fill(
      els.alerts,
      ...(w.alerts.length
        ? w.alerts.map((a) =>
            h(
              'li',
              {
                'data-testid': 'wall-alert',
                'data-kind': a.kind,
                'data-severity': a.severity,
                title: a.message,
              },
              alertText(a),
            ),
          )
        : [h('li', { class: 'none' }, t('sup.alerts.none'))]),
    );
    els.alertCount.textContent = String(w.alerts.length);

    fill(
      els.totals,
      ...(['online', 'available', 'busy', 'away', 'offline'] as const).map((k) =>
        h('span', { 'data-testid': `total-${k}` }, h('b', {}, w.totals[k]), ` ${t(`sup.totals.${k}`)}`),
      ),
    );
    fill(
      els.grid,
      ...w.agents.map((a) =>
        h(
          'div',
          {
            class: 'agent-tile',
            'data-testid': 'agent-tile',
            'data-id': a.id,
            'data-status': a.status,
            'data-pool': a.pool,
            'data-full': String(a.load >= a.maxConcurrent),
            title: [
              t('sup.agent.tile', {
                name: a.name,
                status: t(`sup.totals.${a.status}`),
                load: a.load,
                max: a.maxConcurrent,
              }),
              a.pool === 'on-demand' ? t('sup.agent.onDemand') : '',
              a.skills.map((s) => `${s.skill} L${s.level}${s.expired ? ' ✕' : ''}`).join(', '),
            ]
              .filter(Boolean)
              .join('\n'),
          },
          h('span', {}, [...a.name].slice(0, 3).join('')),
          h('span', {}, `${a.load}/${a.maxConcurrent}`),
        ),
      ),
    );
  }

  async function load() {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      const first = wall === null;
      wall = await api<WallDto>('/api/v1/dispatch/wall');
      render();
      if (first) o.onLoaded?.();
    } catch {
      // The next event or tick tries again.
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  }

  function schedule() {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void load();
    }, THROTTLE_MS);
  }

  setInterval(() => void load(), REFRESH_MS);
  return { load, changed: schedule, skills: () => wall?.skills ?? [] };
}
