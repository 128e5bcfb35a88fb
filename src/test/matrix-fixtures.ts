import type { Database } from '../db/connection';
import { enterOrganization, withOwner } from '../db/tenant';
import { organizationFrameworkVersions } from '../modules/assessment/schema';
import { createInvitation } from '../modules/users/service';
import { addMembership, buildUser } from './factories';
import { buildAssessmentFixture } from '../modules/assessment/test-support/matrix-fixture';
import { buildProcessingFixture } from '../modules/processing/test-support';
import { buildRiskFixture } from '../modules/risk/test-support';
import { buildDpiaFixture } from '../modules/dpia/test-support';
import { buildSystemsMatrixFixture, nationalSystemsFixtureKeys } from '../modules/vendors/test-support';

/** The organisation whose data every other organisation must never reach, and the ids of its things. */
export interface MatrixOrganization {
  organizationId: string;
  otherOrganizationId: string;
  /** Appears in the owning organisation's data; must never appear in another organisation's responses. */
  marker: string;
}

export type FixtureIds = Record<string, string>;

/**
 * Each module creates one of each of its things in the victim organisation and returns their ids, keyed by
 * the names its route examples use. A new module adds its builder here.
 */
export const matrixFixtureBuilders: ((database: Database, target: MatrixOrganization) => Promise<FixtureIds>)[] = [
  async (database, target) => {
    const member = await buildUser(database, { name: `Medlem ${target.marker}` });
    await addMembership(database, member.id, target.organizationId, ['leser']);
    const invitation = await withOwner(database.owner, { organizationId: null, userId: null, requestId: 'matrix' }, async (tx) => {
      await enterOrganization(tx, target.organizationId);
      return createInvitation(tx, { organizationId: target.organizationId, email: `invitert-${target.marker.toLowerCase()}@example.no`, role: 'leser', invitedBy: member.id, now: new Date() });
    });
    return { memberUserId: member.id, invitationId: invitation.invitation.id };
  },
  // Library: national content has no owner; the victim's own record is which framework version it adopted.
  async (database, target) => {
    const [row] = await withOwner(database.owner, { organizationId: null, userId: null, requestId: 'matrix' }, async (tx) => {
      await enterOrganization(tx, target.organizationId);
      return tx
        .insert(organizationFrameworkVersions)
        .values({ organizationId: target.organizationId, frameworkUrn: 'urn:samsvar:framework:nsm', version: 1, impact: { note: target.marker } })
        .returning({ id: organizationFrameworkVersions.id });
    });
    return { frameworkAdoptionId: row!.id };
  },
];

// Records of processing: an adopted template entry with overrides and links, a local entry, an open proposal.
matrixFixtureBuilders.push(buildProcessingFixture);
matrixFixtureBuilders.push(buildAssessmentFixture);
/**
 * Fixture keys whose ids are national content (e.g. a vendor in the national registry): any organisation may
 * see them, so the matrix does not count them as a leak. The victim's own data must still never appear.
 */
export const nationalFixtureKeys = new Set<string>();

// Systems and vendors: a system, local notes and a notification in the victim municipality; a questionnaire
// with an answer in the vendor's own organisation.
matrixFixtureBuilders.push((database, target) => buildSystemsMatrixFixture(database, target));
for (const key of nationalSystemsFixtureKeys) nationalFixtureKeys.add(key);

// Risk assessments (ROS): a system, an assessment with a risk and a new measure.
matrixFixtureBuilders.push(buildRiskFixture);

// DPIA: a screening, a DPIA from a template and an open proposal from a newer template version.
matrixFixtureBuilders.push(buildDpiaFixture);
