import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/tenant';
import { recordChange } from '../changes';
import type { ReviewBody } from '../contract';
import { vendorsError } from '../errors';
import type { ReviewConclusion } from '../fields';
import { addFinding } from '../follow-up-service';
import { vendorQuestionnaires } from '../questionnaire-schema';
import { vendorReviews, vendors } from '../schema';
import { getVendorRow } from '../registry-service';
import { answersOf, findQuestionnaire } from './service';

const conclusionWords: Record<ReviewConclusion, string> = {
  approved: 'godkjent',
  approved_with_findings: 'godkjent med funn',
  not_approved: 'ikke godkjent',
};

const q = (ref: string, n = 1) => `urn:samsvar:req:vendor-questionnaire:${ref}:q${n}`;

/** Facts from the national questionnaire's answers that prefill municipalities' system facts (content/vendors/README.md). */
export function factsFromAnswers(answers: ReadonlyMap<string, readonly string[]>) {
  const one = (urn: string) => answers.get(urn)?.[0];
  const yesNo = (urn: string) => (one(urn) === 'yes' ? true : one(urn) === 'no' ? false : null);
  const is = (urn: string, value: string) => (one(urn) === undefined ? null : one(urn) === value);
  return {
    factMfaPossible: is(q('6.1'), 'kan_kreves'),
    factBackupOffline: yesNo(q('8.2')),
    factRestoreTested: yesNo(q('8.3')),
    factMonitoring247: is(q('7.3'), 'dognet'),
    factOutsideEea: yesNo(q('4.1')),
  };
}

/**
 * The national team's review of a submitted questionnaire: findings, a conclusion and the next review date.
 * Updates the vendor's central follow-up and publishes one change to every municipality using the vendor.
 */
export async function reviewQuestionnaire(tx: Tx, input: { vendorId: string; id: string; body: ReviewBody; reviewerId: string; today: string; now: Date }) {
  const vendor = await getVendorRow(tx, input.vendorId);
  const row = await findQuestionnaire(tx, input.id, { vendorId: input.vendorId }, true);
  if (row.status !== 'submitted') throw vendorsError('QUESTIONNAIRE_NOT_SUBMITTED');
  for (const finding of input.body.findings) {
    await addFinding(tx, input.vendorId, { ...finding, source: 'questionnaire' }, input.reviewerId, { publish: false });
  }
  const answers = new Map((await answersOf(tx, row.id)).map((a) => [a.questionUrn, a.values]));
  const [review] = await tx
    .insert(vendorReviews)
    .values({
      vendorId: input.vendorId,
      questionnaireId: row.id,
      conclusion: input.body.conclusion,
      summary: input.body.summary,
      reviewedOn: input.today,
      nextReviewOn: input.body.nextReviewOn,
      reviewedBy: input.reviewerId,
      ...factsFromAnswers(answers),
    })
    .returning();
  await tx
    .update(vendors)
    .set({
      lastReviewedOn: input.today,
      conclusion: input.body.conclusion,
      conclusionSummary: input.body.summary,
      nextReviewOn: input.body.nextReviewOn,
      updatedAt: input.now,
      version: sql`${vendors.version} + 1`,
    })
    .where(eq(vendors.id, input.vendorId));
  await tx.update(vendorQuestionnaires).set({ status: 'reviewed', reviewedAt: input.now, updatedAt: input.now }).where(eq(vendorQuestionnaires.id, row.id));
  const findings = input.body.findings.length;
  const change = await recordChange(tx, {
    vendorId: input.vendorId,
    kind: 'review_published',
    title: `Ny vurdering av ${vendor.name}: ${conclusionWords[input.body.conclusion]}`,
    summary: `${input.body.summary}${findings ? ` ${findings === 1 ? 'Ett funn er registrert.' : `${findings} funn er registrert.`}` : ''}`,
    dedupeKey: `review:${review!.id}`,
    createdBy: input.reviewerId,
  });
  return { review: review!, change };
}
