/**
 * @module How the `interview` suite calibrates the embedded scorer without testing on training
 * data. Two modes:
 *   - with training cases (each SAS subset's upstream train split, or `--train`): the scorer is
 *     fitted once on the training answers — whose exemplar signals leave the answer itself out —
 *     and every evaluated answer is scored with the training answers to its own question as
 *     human-scored exemplars;
 *   - without (the authored set): leave-one-question-out — each answer is scored by a scorer
 *     fitted on the authored answers to the *other* questions, with only its own question's
 *     reference and rubric anchors as exemplars. No human score of the question being scored is
 *     ever used.
 */
import {
  type AnswerItem,
  type AnswerScore,
  createProfileCache,
  fitAnswerScorer,
  type ScoredExemplar,
  type ScorerCalibration,
  scoreAnswer,
} from '#assist/interview/rubric-scorer.ts';
import type { InterviewCase } from './case.ts';

/** Answers to the same question share this key. */
export function questionKey(c: InterviewCase): string {
  return c.question_id ?? `${c.lang}\u0000${c.question}`;
}

function scaleKey(c: InterviewCase): string {
  return `${c.scale_min}-${c.scale_max}`;
}

/** The scorer's view of a case. */
export function toItem(c: InterviewCase, exemplars?: readonly ScoredExemplar[]): AnswerItem {
  return {
    id: c.id,
    lang: c.lang,
    question: c.question,
    questionId: questionKey(c),
    ...(c.reference === undefined ? {} : { reference: c.reference }),
    ...(c.rubric === undefined ? {} : { rubric: c.rubric }),
    ...(exemplars && exemplars.length > 0 ? { exemplars } : {}),
    answer: c.answer,
    scale: { min: c.scale_min, max: c.scale_max },
  };
}

function exemplarIndex(train: readonly InterviewCase[]): Map<string, ScoredExemplar[]> {
  const index = new Map<string, ScoredExemplar[]>();
  for (const t of train) {
    const key = `${scaleKey(t)}\u0000${questionKey(t)}`;
    const list = index.get(key) ?? [];
    list.push({ id: t.id, text: t.answer, score: t.human_score });
    index.set(key, list);
  }
  return index;
}

export interface CasePredictor {
  predict(c: InterviewCase): AnswerScore;
  /** One line on how the scorer was calibrated, for the run notes. */
  describe(): string;
}

/** Mode 1: fit on `train`, use its answers as exemplars for the same question. */
export function trainedPredictor(train: readonly InterviewCase[]): CasePredictor {
  const cache = createProfileCache();
  const index = exemplarIndex(train);
  const exemplarsFor = (c: InterviewCase) => index.get(`${scaleKey(c)}\u0000${questionKey(c)}`) ?? [];
  const calibrations = new Map<string, ScorerCalibration>();
  const byScale = new Map<string, InterviewCase[]>();
  for (const t of train) byScale.set(scaleKey(t), [...(byScale.get(scaleKey(t)) ?? []), t]);
  for (const [key, cases] of byScale) {
    calibrations.set(
      key,
      fitAnswerScorer(
        cases.map((t) => ({ ...toItem(t, exemplarsFor(t)), humanScore: t.human_score })),
        { cache },
      ),
    );
  }
  return {
    predict: (c) => {
      const calibration = calibrations.get(scaleKey(c));
      return scoreAnswer(toItem(c, exemplarsFor(c)), { cache, ...(calibration ? { calibration } : {}) });
    },
    describe: () =>
      `calibrated on ${train.length} training answers; training answers to the same question are exemplars`,
  };
}

/** Mode 2: leave-one-question-out over `pool` (answers to the scored question are never used). */
export function leaveQuestionOutPredictor(pool: readonly InterviewCase[]): CasePredictor {
  const cache = createProfileCache();
  const fitted = new Map<string, ScorerCalibration | null>();
  const calibrationFor = (c: InterviewCase) => {
    const key = `${scaleKey(c)}\u0000${questionKey(c)}`;
    if (!fitted.has(key)) {
      const others = pool.filter((t) => scaleKey(t) === scaleKey(c) && questionKey(t) !== questionKey(c));
      fitted.set(
        key,
        others.length > 0
          ? fitAnswerScorer(
              others.map((t) => ({ ...toItem(t), humanScore: t.human_score })),
              { cache },
            )
          : null,
      );
    }
    return fitted.get(key) ?? undefined;
  };
  return {
    predict: (c) => {
      const calibration = calibrationFor(c);
      return scoreAnswer(toItem(c), { cache, ...(calibration ? { calibration } : {}) });
    },
    describe: () =>
      `leave-one-question-out over ${pool.length} authored answers: each answer is scored by a calibration fitted on the other questions`,
  };
}
