/**
 * @module `tidedesk sim tidal [--roster-cap 0.5] [--seeds 3] [--json] [--report FILE.html]`:
 * replays the 6× tidal day through the real dispatcher in three routing modes.
 */
import { writeFileSync } from 'node:fs';
import { MODES, runTidal, type TidalReport } from '#src/core/simulation/tidal.ts';
import type { Output } from '../output.ts';
import { tidalReportHtml } from './sim-report.ts';

export interface SimOptions {
  scenario: string | undefined;
  rosterCap: number;
  seeds: number;
  report?: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function simCommand(out: Output, o: SimOptions): number {
  if (o.scenario !== 'tidal') {
    out.say('Usage: tidedesk sim tidal [--roster-cap 0.5] [--seeds 3] [--json] [--report FILE.html]');
    return 2;
  }
  if (!(o.rosterCap > 0 && o.rosterCap <= 1.5) || !Number.isInteger(o.seeds) || o.seeds < 1 || o.seeds > 50) {
    out.say('--roster-cap must be in (0, 1.5] and --seeds an integer 1–50.');
    return 2;
  }
  const started = performance.now();
  const report: TidalReport = runTidal({ rosterCap: o.rosterCap, seeds: o.seeds });
  const ms = Math.round(performance.now() - started);
  out.say(
    `Tidal day (6× peak/trough, 13,277 contacts), roster capped at ${pct(o.rosterCap)} of peak need, ${o.seeds} seed(s), ${ms} ms`,
  );
  out.say('');
  out.say(
    'mode         peak-3h answer   day answer   service level   abandon   occupancy   agent-hours (roster + on-demand)',
  );
  for (const mode of MODES) {
    const m = report.modes[mode];
    out.say(
      `${mode.padEnd(12)} ${pct(m.peakAnswerRate).padStart(14)} ${pct(m.answerRate).padStart(12)} ${pct(m.serviceLevel).padStart(15)} ${pct(m.abandonRate).padStart(9)} ${pct(m.occupancy).padStart(11)}   ${m.rosterHours.toFixed(0)} + ${m.onDemandHours.toFixed(0)}`,
    );
  }
  const lift = report.modes.elastic.peakAnswerRate / report.modes.team.peakAnswerRate - 1;
  out.say('');
  out.say(`Elastic vs team at the peak: ${lift >= 0 ? '+' : ''}${pct(lift)} answer rate.`);
  if (o.report) {
    writeFileSync(o.report, tidalReportHtml(report));
    out.say(`Report written to ${o.report}`);
  }
  const strip = ({ intervalAnswerRate: _i, ...rest }: (typeof report.modes)['team']) => rest;
  out.result({
    scenario: 'tidal',
    rosterCap: report.rosterCap,
    seeds: report.seeds,
    durationMs: ms,
    peakWindow: report.peakWindow,
    modes: {
      team: strip(report.modes.team),
      individual: strip(report.modes.individual),
      elastic: strip(report.modes.elastic),
    },
  });
  return 0;
}
