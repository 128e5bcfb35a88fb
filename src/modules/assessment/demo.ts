import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { enterOrganization, type Tx } from '../../db/tenant';
import { generateFromGaps } from '../actions/service';
import { actionNotes } from '../actions/schema';
import { measures } from '../library/schema';
import { organizations } from '../organizations/schema';
import { users } from '../users/schema';
import { recomputeOrganization } from './compliance';
import { actions, evidence, measureAssessments, type AssessmentStatus } from './schema';

/** A believable half-done self-assessment: most measures assessed, some gaps, a few not yet looked at. */
const pattern: AssessmentStatus[] = ['implemented', 'partial', 'not_started', 'implemented', 'partial', 'not_assessed', 'implemented', 'not_started', 'partial', 'implemented'];
const maturityFor: Record<AssessmentStatus, number | null> = { implemented: 3, partial: 2, not_started: 1, not_relevant: null, not_assessed: null };

/**
 * Demo data for the self-assessment and the action plan in Gran and Vinje. Runs only when the library is
 * loaded (the library module seeds it) and only once per organisation.
 */
export async function seedDemoAssessments(tx: Tx): Promise<{ organizations: number }> {
  const [library] = await tx.select({ n: count() }).from(measures);
  if (!library || Number(library.n) === 0) return { organizations: 0 };
  const measureRows = await tx.select({ urn: measures.urn, area: measures.area }).from(measures).orderBy(measures.area, measures.position);
  const people = new Map(
    (await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, ['ola.sikkerhet@demo.samsvar.no', 'per.bidrag@demo.samsvar.no', 'kari.admin@demo.samsvar.no', 'ingrid.admin@demo.samsvar.no']))).map((u) => [u.email, u.id]),
  );
  let seeded = 0;
  for (const [number, variant] of [['3446', 0], ['4036', 3]] as const) {
    const [organization] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.municipalityNumber, number));
    if (!organization) continue;
    const [existing] = await tx.select({ n: count() }).from(measureAssessments).where(eq(measureAssessments.organizationId, organization.id));
    if (existing && Number(existing.n) > 0) continue;
    await enterOrganization(tx, organization.id);
    const security = number === '3446' ? people.get('ola.sikkerhet@demo.samsvar.no') : people.get('ingrid.admin@demo.samsvar.no');
    const dpo = people.get('kari.admin@demo.samsvar.no');
    const contributor = number === '3446' ? people.get('per.bidrag@demo.samsvar.no') : undefined;
    const rows = measureRows.map((m, i) => {
      const status = m.area === 'ai' && i % 2 === 0 ? 'not_relevant' : pattern[(i + variant) % pattern.length]!;
      const privacy = m.area.startsWith('privacy') || m.area === 'dpia-risk' || m.area === 'vendors-processors';
      return {
        organizationId: organization.id,
        measureUrn: m.urn,
        status,
        maturity: maturityFor[status],
        notRelevantReason: status === 'not_relevant' ? 'Kommunen bruker ikke slike KI-systemer i dag (vurdert av kommunedirektørens ledergruppe).' : null,
        ownerUserId: status === 'not_assessed' ? null : m.area === 'backup-recovery' && contributor ? contributor : privacy ? (dpo ?? null) : (security ?? null),
        nextReview: status === 'implemented' ? sql`(current_date + interval '1 year')::date` : null,
        comment: status === 'partial' ? 'Delvis på plass – mangler dokumentasjon og fast rutine.' : null,
      };
    });
    await tx.insert(measureAssessments).values(rows as (typeof measureAssessments.$inferInsert)[]);
    const implemented = rows.filter((r) => r.status === 'implemented').slice(0, 3);
    if (implemented.length) {
      await tx.insert(evidence).values(
        implemented.map((r) => ({ organizationId: organization.id, measureUrn: r.measureUrn, kind: 'link' as const, title: 'Rutine i kvalitetssystemet', url: 'https://kvalitet.example.no/rutiner', createdBy: security ?? null })),
      );
    }
    // A demo organisation without its demo people still gets its plan (then without a creator).
    await generateFromGaps(tx, { organizationId: organization.id, userId: security ?? dpo ?? '', all: true, edit: true, answer: true }, security ?? dpo ?? null);
    const planned = await tx.select({ id: actions.id }).from(actions).where(and(eq(actions.organizationId, organization.id), eq(actions.sourceType, 'gap'))).orderBy(sql`${actions.priority} desc`).limit(4);
    for (const [i, action] of planned.entries()) {
      await tx
        .update(actions)
        .set({ ownerUserId: security ?? null, dueDate: sql`(current_date + ${(i - 1) * 30} * interval '1 day')::date`, status: i === 0 ? 'in_progress' : 'open' })
        .where(eq(actions.id, action.id));
    }
    if (planned[0]) await tx.insert(actionNotes).values({ organizationId: organization.id, actionId: planned[0].id, body: 'Startet med e-post og skylagring; fagsystemene tas etter sommeren.', authorUserId: security ?? null });
    await recomputeOrganization(tx, organization.id);
    seeded++;
  }
  return { organizations: seeded };
}
