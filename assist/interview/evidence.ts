/**
 * @module Quoted evidence for an answer score: which of the reference's key phrases the answer
 * covers (with the answer clause that covers each) and which rubric anchors it matches (with up
 * to two answer clauses most like the anchor's example). Every quote is an exact slice of the
 * answer, with its offsets, so the UI can highlight it and a reviewer can check it.
 */
import type { QuestionProfile, TextRep } from './question-profile.ts';
import { clauseSpans, type Span } from './text-units.ts';

export interface Evidence extends Span {
  quote: string;
}

export interface KeyPhraseCoverage {
  phrase: string;
  /** idf-weighted share of the phrase's key terms found anywhere in the answer. */
  recall: number;
  matched: boolean;
  evidence: Evidence | null;
}

export interface AnchorMatch {
  level: number;
  descriptor: string;
  /** Best similarity of the answer to this level's example answers. */
  similarity: number;
  matched: boolean;
  evidence: Evidence[];
}

/** A phrase counts as covered when at least this share of its key terms is in the answer. */
const PHRASE_MATCH_RECALL = 0.5;
/** An anchor matches at this similarity, and only if it is within 80% of the best level's. */
const ANCHOR_MIN_SIMILARITY = 0.2;
const ANCHOR_NEAR_BEST = 0.8;
/** Clauses less similar than this to the anchor example are not quoted. */
const EVIDENCE_MIN_SIMILARITY = 0.12;

export interface AnswerClause {
  span: Span;
  rep: TextRep;
}

/** The answer's clauses, represented once for all evidence searches. */
export function answerClauses(profile: QuestionProfile, answer: string): AnswerClause[] {
  return clauseSpans(answer).map((span) => ({
    span,
    rep: profile.represent(answer.slice(span.start, span.end)),
  }));
}

function quote(answer: string, span: Span): Evidence {
  return { start: span.start, end: span.end, quote: answer.slice(span.start, span.end) };
}

/** Coverage of reference `refIndex`'s key phrases by the answer. */
export function phraseCoverage(
  profile: QuestionProfile,
  refIndex: number,
  answer: string,
  answerRep: TextRep,
  clauses: readonly AnswerClause[],
): KeyPhraseCoverage[] {
  const ref = profile.references[refIndex];
  if (!ref) return [];
  return ref.phrases.map((p) => {
    let hit = 0;
    for (const t of p.terms) if (answerRep.terms.has(t)) hit += ref.keyTerms.get(t)!;
    const recall = p.weight > 0 ? hit / p.weight : 0;
    let best: { span: Span; n: number } | null = null;
    for (const c of clauses) {
      let n = 0;
      for (const t of p.terms) if (c.rep.terms.has(t)) n++;
      if (n > 0 && (best === null || n > best.n)) best = { span: c.span, n };
    }
    const matched = recall >= PHRASE_MATCH_RECALL;
    return { phrase: p.text, recall, matched, evidence: matched && best ? quote(answer, best.span) : null };
  });
}

/** Every rubric level with its similarity; matched levels carry their quotes. */
export function anchorMatches(
  profile: QuestionProfile,
  answer: string,
  answerRep: TextRep,
  clauses: readonly AnswerClause[],
): AnchorMatch[] {
  const levels = profile.rubric.map((r) => {
    let similarity = 0;
    let example: TextRep | null = null;
    for (const ex of r.examples) {
      const s = profile.similarity(answerRep, ex.rep);
      if (example === null || s > similarity) {
        similarity = s;
        example = ex.rep;
      }
    }
    return { r, similarity, example };
  });
  const best = Math.max(0, ...levels.map((l) => l.similarity));
  return levels.map(({ r, similarity, example }) => {
    const matched = similarity >= ANCHOR_MIN_SIMILARITY && similarity >= ANCHOR_NEAR_BEST * best;
    const evidence =
      matched && example
        ? clauses
            .map((c) => ({ span: c.span, s: profile.similarity(c.rep, example) }))
            .filter((c) => c.s >= EVIDENCE_MIN_SIMILARITY)
            .sort((x, y) => y.s - x.s || x.span.start - y.span.start)
            .slice(0, 2)
            .sort((x, y) => x.span.start - y.span.start)
            .map((c) => quote(answer, c.span))
        : [];
    return { level: r.level, descriptor: r.descriptor, similarity, matched, evidence };
  });
}
