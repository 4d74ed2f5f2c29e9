/**
 * @module The coaching panel's view of one reply: the persona engine's TurnReport reduced to what
 * the trainee reads beside the chat (steps covered and next, findings with the quoted words,
 * empathy and clarity, numbers right and wrong, tips), in the card's language.
 */
import type { ScenarioCard } from '#assist/simulator/card.ts';
import type { TurnReport } from '#assist/simulator/coaching.ts';
import type { SimSop } from '#assist/simulator/sop.ts';
import type { CoachingNote } from '#src/db/schema/training.ts';

export function coachingNote(card: ScenarioCard, sop: SimSop | undefined, report: TurnReport): CoachingNote {
  const title = (key: string) => {
    const step = sop?.steps.find((s) => s.key === key);
    return step ? step.title[card.lang] : key;
  };
  return {
    turn: report.turn,
    stepsCovered: report.stepsCovered.map((key) => ({ key, title: title(key) })),
    nextStep: report.nextStep,
    findings: report.findings.map((f) => ({
      kind: f.kind,
      severity: f.severity,
      message: f.message,
      quote: f.quote,
    })),
    empathy: round2(report.empathy.score),
    clarity: round2(report.clarity.score),
    clarityNotes: report.clarity.notes,
    accuracy: {
      correct: report.accuracy.correct.length,
      wrong: report.accuracy.wrong.map((q) => `${q.quote} (${q.expected})`),
    },
    outcome: report.outcome,
    progressed: report.progressed,
    tips: report.tips,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
