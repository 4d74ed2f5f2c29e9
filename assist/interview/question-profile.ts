/**
 * @module Everything the answer scorer precomputes once per question: a TF-IDF vocabulary fitted
 * on the question's own texts (question, reference answers, rubric examples, human-scored example
 * answers), their vectors and character n-gram sets, the reference's key terms with their idf
 * weights and its key phrases (clauses), and the scored exemplars — rubric examples at their
 * level, references at the top of the scale, and any human-scored answers supplied, with a kernel
 * ridge model over the latter when there are enough. The similarity of two texts is the mean of
 * word TF-IDF cosine and character n-gram Dice overlap.
 */
import { charNgrams, cosine, type SparseVector, TfidfVectorizer } from '#assist/embedded/similarity.ts';
import { tokenize } from '#assist/embedded/tokenize.ts';
import { fitKernelRidge, type KernelModel } from './kernel-ridge.ts';
import { clauseSpans, contentUnits } from './text-units.ts';

export type AnswerLang = 'zh' | 'en';

/** One anchor level of a behaviourally anchored rating scale. */
export interface RubricLevel {
  level: number;
  descriptor?: string;
  /** Example answers at this level. */
  examples?: string[];
}

/** A previously scored answer to the same question, on the item's scale. */
export interface ScoredExemplar {
  id?: string;
  text: string;
  score: number;
}

export interface ProfileInput {
  lang: AnswerLang;
  question: string;
  reference?: string | readonly string[];
  rubric?: readonly RubricLevel[];
  exemplars?: readonly ScoredExemplar[];
  scale: { min: number; max: number };
}

/** A text as the scorer compares it. */
export interface TextRep {
  vec: SparseVector;
  grams: Set<string>;
  /** Content terms: words and Han bigrams (no single 汉字), for recall. */
  terms: Set<string>;
}

export interface Exemplar {
  id?: string;
  text: string;
  /** Score on a 0–1 scale. */
  norm: number;
  source: 'reference' | 'rubric' | 'scored';
  level?: number;
  rep: TextRep;
}

export interface KeyPhrase {
  text: string;
  terms: string[];
  weight: number;
}

export interface QuestionProfile {
  lang: AnswerLang;
  /** Kernel ridge over the scored exemplars (`members` = their indices); null with too few. */
  kernel: { model: KernelModel; members: number[]; reps: TextRep[] } | null;
  references: { text: string; rep: TextRep; keyTerms: Map<string, number>; phrases: KeyPhrase[] }[];
  rubric: { level: number; descriptor: string; examples: { text: string; rep: TextRep }[] }[];
  exemplars: Exemplar[];
  /** Mean reference length in content units (0 without a reference). */
  referenceUnits: number;
  represent(text: string): TextRep;
  similarity(a: TextRep, b: TextRep): number;
}

const HAN_CHAR = /^\p{Script=Han}$/u;

function contentTerms(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) if (!HAN_CHAR.test(t)) out.add(t);
  return out;
}

/** Dice overlap of two sets. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const g of small) if (large.has(g)) inter++;
  return (2 * inter) / (a.size + b.size);
}

function referencesOf(reference: ProfileInput['reference']): string[] {
  if (reference === undefined) return [];
  return (typeof reference === 'string' ? [reference] : [...reference]).filter((r) => r.trim() !== '');
}

/** Build the profile of one question (see the module comment). */
export function buildQuestionProfile(input: ProfileInput): QuestionProfile {
  const { lang, scale } = input;
  const refs = referencesOf(input.reference);
  const rubric = [...(input.rubric ?? [])].sort((a, b) => a.level - b.level);
  const exemplarsIn = input.exemplars ?? [];
  const gramN = lang === 'zh' ? 2 : 3;

  const docs: string[] = [input.question, ...refs];
  for (const r of rubric) docs.push(...(r.examples ?? []));
  for (const e of exemplarsIn) docs.push(e.text);
  const tokenized = docs.map((d) => tokenize(d));
  const vectorizer = TfidfVectorizer.fit(tokenized);
  const idfOf = (t: string) => {
    const i = vectorizer.vocabulary.get(t);
    return i === undefined ? 1 : vectorizer.idf[i]!;
  };

  const represent = (text: string): TextRep => {
    const tokens = tokenize(text);
    return { vec: vectorizer.transform(tokens), grams: charNgrams(text, gramN), terms: contentTerms(tokens) };
  };
  const similarity = (a: TextRep, b: TextRep) => 0.5 * cosine(a.vec, b.vec) + 0.5 * dice(a.grams, b.grams);

  const questionTerms = contentTerms(tokenized[0]!);
  const references = refs.map((text, i) => {
    const rep: TextRep = {
      vec: vectorizer.transform(tokenized[i + 1]!),
      grams: charNgrams(text, gramN),
      terms: contentTerms(tokenized[i + 1]!),
    };
    // Key terms: the reference's content terms that the question does not already give away.
    const keyTerms = new Map<string, number>();
    for (const t of rep.terms) if (!questionTerms.has(t)) keyTerms.set(t, idfOf(t));
    if (keyTerms.size === 0) for (const t of rep.terms) keyTerms.set(t, idfOf(t));
    const phrases: KeyPhrase[] = [];
    for (const span of clauseSpans(text)) {
      const phraseText = text.slice(span.start, span.end);
      const terms = [...contentTerms(tokenize(phraseText))].filter((t) => keyTerms.has(t));
      if (terms.length === 0) continue;
      phrases.push({ text: phraseText, terms, weight: terms.reduce((s, t) => s + keyTerms.get(t)!, 0) });
    }
    return { text, rep, keyTerms, phrases };
  });

  // Rubric levels and exemplar scores live on 0–1 so any scale can use them.
  const levels = rubric.map((r) => r.level);
  const lo = levels.length ? Math.min(...levels) : 0;
  const hi = levels.length ? Math.max(...levels) : 1;
  const levelNorm = (level: number) => (hi > lo ? (level - lo) / (hi - lo) : 1);
  const span = scale.max - scale.min;
  const exemplars: Exemplar[] = [];
  for (const r of references) exemplars.push({ text: r.text, norm: 1, source: 'reference', rep: r.rep });
  const rubricOut = rubric.map((r) => ({
    level: r.level,
    descriptor: r.descriptor ?? '',
    examples: (r.examples ?? []).map((text) => {
      const rep = represent(text);
      exemplars.push({ text, norm: levelNorm(r.level), source: 'rubric', level: r.level, rep });
      return { text, rep };
    }),
  }));
  for (const e of exemplarsIn) {
    exemplars.push({
      ...(e.id === undefined ? {} : { id: e.id }),
      text: e.text,
      norm: span > 0 ? (e.score - scale.min) / span : 1,
      source: 'scored',
      rep: represent(e.text),
    });
  }

  const members = exemplars.flatMap((e, i) => (e.source === 'scored' ? [i] : []));
  const reps = members.map((i) => exemplars[i]!.rep);
  const model = fitKernelRidge(
    reps,
    members.map((i) => exemplars[i]!.norm),
  );
  const units = references.map((r) => contentUnits(r.text));
  return {
    lang,
    kernel: model ? { model, members, reps } : null,
    references,
    rubric: rubricOut,
    exemplars,
    referenceUnits: units.length ? units.reduce((s, u) => s + u, 0) / units.length : 0,
    represent,
    similarity,
  };
}
