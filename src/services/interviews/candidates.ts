/**
 * @module Candidates: bulk import from CSV (row-level errors, duplicates within the file and
 * against the campaign refused), self-registration through the campaign's open invitation link,
 * and the personal link each candidate gets.
 */
import { and, asc, eq } from 'drizzle-orm';
import {
  type InterviewCandidate,
  interviewCampaigns,
  interviewCandidates,
} from '#src/db/schema/interviews.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import { getCampaign } from './campaigns.ts';
import { chunked, type InterviewDeps, rowsPerInsert } from './context.ts';
import { type CsvRowError, readCandidateCsv } from './csv.ts';

export interface ImportResult {
  imported: number;
  candidates: { id: string; email: string; name: string; group: string | null; link: string }[];
  errors: CsvRowError[];
}

/** The personal interview address for a candidate token. */
export const candidateLink = (token: string) => `/interview/${token}`;

async function campaignEmails(deps: InterviewDeps, campaignId: string): Promise<Set<string>> {
  const rows = await deps.db
    .select({ email: interviewCandidates.email })
    .from(interviewCandidates)
    .where(eq(interviewCandidates.campaignId, campaignId));
  return new Set(rows.map((r) => r.email));
}

type NewCandidate = typeof interviewCandidates.$inferInsert;

/** Insert candidates in D1-sized statements; an email that raced in is reported, not fatal. */
async function insertCandidates(deps: InterviewDeps, values: NewCandidate[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const part of chunked(values, rowsPerInsert(interviewCandidates))) {
    const rows = await deps.db
      .insert(interviewCandidates)
      .values(part)
      .onConflictDoNothing()
      .returning({ email: interviewCandidates.email });
    for (const r of rows) inserted.add(r.email);
  }
  return inserted;
}

export async function importCandidates(
  deps: InterviewDeps,
  tenantId: string,
  campaignId: string,
  csv: string,
): Promise<ImportResult> {
  const campaign = await getCampaign(deps, tenantId, campaignId);
  const { rows, errors } = readCandidateCsv(csv, {
    existing: await campaignEmails(deps, campaignId),
    groups: campaign.groupField?.options ?? null,
  });
  const now = deps.clock.now();
  const values = rows.map((r) => ({
    id: deps.ids.next('icand'),
    tenantId,
    campaignId,
    email: r.email,
    name: r.name,
    groupValue: r.group,
    token: deps.ids.next('itk'),
    createdAt: now,
  }));
  const inserted = await insertCandidates(deps, values);
  const lost = rows.filter((r) => !inserted.has(r.email));
  for (const r of lost) {
    errors.push({
      row: r.row,
      field: 'email',
      code: 'duplicate_email',
      message: `${r.email} was added to this campaign by someone else at the same time.`,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  const kept = values.filter((v) => inserted.has(v.email));
  return {
    imported: kept.length,
    candidates: kept.map((v) => ({
      id: v.id,
      email: v.email,
      name: v.name,
      group: v.groupValue,
      link: candidateLink(v.token),
    })),
    errors,
  };
}

/** Self-registration through the campaign's open invitation link (a known email is refused). */
export async function registerThroughInvite(
  deps: InterviewDeps,
  inviteToken: string,
  input: { email: string; name: string },
): Promise<{ token: string }> {
  const [campaign] = await deps.db
    .select()
    .from(interviewCampaigns)
    .where(eq(interviewCampaigns.inviteToken, inviteToken));
  if (!campaign) throw notFound('invitation');
  if (campaign.status !== 'open') throw new AppError('conflict', 'This campaign is not taking candidates.');
  const email = input.email.trim().toLowerCase();
  const token = deps.ids.next('itk');
  const inserted = await insertCandidates(deps, [
    {
      id: deps.ids.next('icand'),
      tenantId: campaign.tenantId,
      campaignId: campaign.id,
      email,
      name: input.name.trim(),
      token,
      createdAt: deps.clock.now(),
    },
  ]);
  // Never hand out an existing candidate's link: knowing an email must not open their interview.
  if (!inserted.has(email)) {
    throw new AppError(
      'conflict',
      'This email is already registered for this campaign; use the personal link that was sent to it.',
    );
  }
  return { token };
}

export async function candidateByToken(deps: InterviewDeps, token: string): Promise<InterviewCandidate> {
  const [row] = await deps.db.select().from(interviewCandidates).where(eq(interviewCandidates.token, token));
  if (!row) throw notFound('interview');
  return row;
}

export async function candidateById(
  deps: InterviewDeps,
  tenantId: string,
  id: string,
): Promise<InterviewCandidate> {
  const [row] = await deps.db
    .select()
    .from(interviewCandidates)
    .where(and(eq(interviewCandidates.tenantId, tenantId), eq(interviewCandidates.id, id)));
  if (!row) throw notFound('candidate');
  return row;
}

/** The campaign's candidates with their personal links (for the recruiter to send). */
export async function listCandidates(deps: InterviewDeps, tenantId: string, campaignId: string) {
  await getCampaign(deps, tenantId, campaignId);
  const rows = await deps.db
    .select()
    .from(interviewCandidates)
    .where(and(eq(interviewCandidates.tenantId, tenantId), eq(interviewCandidates.campaignId, campaignId)))
    .orderBy(asc(interviewCandidates.createdAt), asc(interviewCandidates.id));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    group: r.groupValue,
    status: r.status,
    submittedAt: r.submittedAt,
    link: candidateLink(r.token),
  }));
}

/** The campaign behind an open invitation link, or null. */
export async function campaignByInvite(deps: InterviewDeps, inviteToken: string) {
  const [campaign] = await deps.db
    .select()
    .from(interviewCampaigns)
    .where(eq(interviewCampaigns.inviteToken, inviteToken));
  return campaign ?? null;
}
