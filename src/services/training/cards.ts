/**
 * @module Scenario cards per tenant, versioned. Saving an edit writes a new version and makes it
 * the active one (older versions stay, so a session keeps replaying against the card it started
 * with). Every save goes through `validateCard`: a card whose criteria contradict each other (an
 * outcome the card forbids, a disclosure no step makes, a fact both known and hidden …) is refused
 * with the field paths the editor points at.
 */
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import { type ScenarioCard, validateCard } from '#assist/simulator/card.ts';
import type { SopCatalogue } from '#assist/simulator/sop.ts';
import type { Db } from '#src/db/client.ts';
import { type CardSource, type ScenarioCardRow, scenarioCards } from '#src/db/schema/training.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';

export interface CardStoreDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
}

/** D1 binds at most 100 parameters per statement: rows per multi-row insert. */
const ROWS_PER_INSERT = Math.floor(100 / Object.keys(getTableColumns(scenarioCards)).length);

export interface CardFilter {
  skill?: string;
  lang?: 'zh' | 'en';
  source?: CardSource;
}

/** The active version of every card of the tenant. */
export async function activeCards(
  db: Db,
  tenantId: string,
  filter: CardFilter = {},
): Promise<ScenarioCardRow[]> {
  return db
    .select()
    .from(scenarioCards)
    .where(
      and(
        eq(scenarioCards.tenantId, tenantId),
        eq(scenarioCards.active, true),
        ...(filter.skill ? [eq(scenarioCards.skill, filter.skill)] : []),
        ...(filter.lang ? [eq(scenarioCards.lang, filter.lang)] : []),
        ...(filter.source ? [eq(scenarioCards.source, filter.source)] : []),
      ),
    )
    .orderBy(scenarioCards.skill, scenarioCards.cardId);
}

/** Every version of one card, newest first. */
export async function cardVersions(db: Db, tenantId: string, cardId: string): Promise<ScenarioCardRow[]> {
  return db
    .select()
    .from(scenarioCards)
    .where(and(eq(scenarioCards.tenantId, tenantId), eq(scenarioCards.cardId, cardId)))
    .orderBy(desc(scenarioCards.version));
}

/** One version of a card (the newest when `version` is omitted); 404 when absent. */
export async function findCard(
  db: Db,
  tenantId: string,
  cardId: string,
  version?: number,
): Promise<ScenarioCardRow> {
  const rows = await db
    .select()
    .from(scenarioCards)
    .where(
      and(
        eq(scenarioCards.tenantId, tenantId),
        eq(scenarioCards.cardId, cardId),
        ...(version !== undefined ? [eq(scenarioCards.version, version)] : []),
      ),
    )
    .orderBy(desc(scenarioCards.version))
    .limit(1);
  if (!rows[0]) throw notFound(version === undefined ? 'scenario card' : `version ${version} of this card`);
  return rows[0];
}

/** Validate a card for saving; the failure lists field paths under `body.card`. */
export function checkCard(input: unknown, sops: SopCatalogue): ScenarioCard {
  const v = validateCard(input, sops);
  if (v.ok) return v.card;
  throw new AppError(
    'validation_failed',
    'The scenario card is invalid or its criteria contradict each other; see errors[].',
    v.errors.map((e) => ({ path: e.path ? `body.card.${e.path}` : 'body.card', message: e.message })),
  );
}

const withVersion = (input: unknown, version: number): unknown =>
  input && typeof input === 'object' && !Array.isArray(input) ? { ...input, version } : input;

function rowOf(
  deps: CardStoreDeps,
  tenantId: string,
  card: ScenarioCard,
  source: CardSource,
  createdBy: string | null,
  active = true,
) {
  return {
    id: deps.ids.next('card'),
    tenantId,
    cardId: card.id,
    version: card.version,
    skill: card.skill,
    lang: card.lang,
    title: card.title,
    card,
    source,
    active,
    createdBy,
    createdAt: deps.clock.now(),
  };
}

/** A new card (version 1); 409 when the id is taken. */
export async function createCard(
  deps: CardStoreDeps,
  tenantId: string,
  userId: string,
  input: unknown,
  sops: SopCatalogue,
): Promise<ScenarioCardRow> {
  const card = checkCard(withVersion(input, 1), sops);
  const existing = await cardVersions(deps.db, tenantId, card.id);
  if (existing.length > 0) {
    throw new AppError(
      'conflict',
      `A card with id "${card.id}" exists; PUT /api/v1/training/cards/${card.id} to edit it.`,
    );
  }
  const row = rowOf(deps, tenantId, card, 'editor', userId);
  await deps.db.insert(scenarioCards).values(row);
  return row;
}

/** Save an edit as the next version (active unless `active` is false, which retires the card). */
export async function updateCard(
  deps: CardStoreDeps,
  tenantId: string,
  userId: string,
  cardId: string,
  input: unknown,
  sops: SopCatalogue,
  active = true,
): Promise<ScenarioCardRow> {
  const latest = await findCard(deps.db, tenantId, cardId);
  const card = checkCard(withVersion(input, latest.version + 1), sops);
  if (card.id !== cardId) {
    throw new AppError('validation_failed', 'The card id cannot change; create a new card instead.', [
      { path: 'body.card.id', message: `must be "${cardId}"` },
    ]);
  }
  const row = rowOf(deps, tenantId, card, 'editor', userId, active);
  await deps.db.batch([
    deps.db
      .update(scenarioCards)
      .set({ active: false })
      .where(and(eq(scenarioCards.tenantId, tenantId), eq(scenarioCards.cardId, cardId))),
    deps.db.insert(scenarioCards).values(row),
  ]);
  return row;
}

export interface ImportOutcome {
  added: number;
  updated: number;
  unchanged: number;
  /** Cards a supervisor has edited since: their edits win over the catalogue. */
  kept: number;
}

const sameCard = (a: ScenarioCard, b: ScenarioCard) =>
  JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 });

/**
 * Bring a catalogue (seed or τ² import) into the tenant: new cards become version 1, changed ones
 * a new active version, identical ones are left alone — so running an import twice does nothing.
 * A card a supervisor has edited since (its newest version came from the editor) is kept as is.
 */
export async function importCards(
  deps: CardStoreDeps,
  tenantId: string,
  cards: readonly ScenarioCard[],
  source: CardSource,
): Promise<ImportOutcome> {
  const current = new Map<string, ScenarioCardRow>();
  const rows = await deps.db.select().from(scenarioCards).where(eq(scenarioCards.tenantId, tenantId));
  for (const r of rows) {
    const seen = current.get(r.cardId);
    if (!seen || seen.version < r.version) current.set(r.cardId, r);
  }
  const outcome: ImportOutcome = { added: 0, updated: 0, unchanged: 0, kept: 0 };
  const inserts: ReturnType<typeof rowOf>[] = [];
  const retire: string[] = [];
  for (const card of cards) {
    const latest = current.get(card.id);
    if (latest && latest.source !== source) {
      outcome.kept++;
      continue;
    }
    if (latest && sameCard(latest.card, card)) {
      outcome.unchanged++;
      continue;
    }
    const version = latest ? latest.version + 1 : 1;
    inserts.push(rowOf(deps, tenantId, { ...card, version }, source, null));
    if (latest) {
      retire.push(card.id);
      outcome.updated++;
    } else outcome.added++;
  }
  for (const cardId of retire) {
    await deps.db
      .update(scenarioCards)
      .set({ active: false })
      .where(and(eq(scenarioCards.tenantId, tenantId), eq(scenarioCards.cardId, cardId)));
  }
  for (let i = 0; i < inserts.length; i += ROWS_PER_INSERT) {
    await deps.db.insert(scenarioCards).values(inserts.slice(i, i + ROWS_PER_INSERT));
  }
  return outcome;
}
