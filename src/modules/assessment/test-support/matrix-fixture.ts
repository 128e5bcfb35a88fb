import type { Database } from '../../../db/connection';
import { enterOrganization, withOwner } from '../../../db/tenant';
import type { FixtureIds, MatrixOrganization } from '../../../test/matrix-fixtures';
import { createHash } from 'node:crypto';
import { actionNotes } from '../../actions/schema';
import { actions, evidence, evidenceFiles, measureAssessments } from '../schema';
import { loadLibraryFixture } from './library-fixture';

/** Self-assessment and action plan in the victim organisation: an assessment, an evidence file, an action, a note. */
export async function buildAssessmentFixture(database: Database, target: MatrixOrganization): Promise<FixtureIds> {
  // With the library loaded, every assessment route runs its real path for every role (no-op once seeded).
  await loadLibraryFixture(database);
  return withOwner(database.owner, { organizationId: null, userId: null, requestId: 'matrix-assessment' }, async (tx) => {
    await enterOrganization(tx, target.organizationId);
    const measureUrn = 'urn:samsvar:measure:mfa-all-users';
    await tx.insert(measureAssessments).values({ organizationId: target.organizationId, measureUrn, status: 'partial', maturity: 2, comment: `Kommentar ${target.marker}` });
    const bytes = Buffer.from(`Rutine ${target.marker}\n`);
    const [file] = await tx
      .insert(evidence)
      .values({ organizationId: target.organizationId, measureUrn, kind: 'file', title: `Rutine ${target.marker}`, fileName: 'rutine.txt', contentType: 'text/plain; charset=utf-8', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') })
      .returning();
    await tx.insert(evidenceFiles).values({ evidenceId: file!.id, organizationId: target.organizationId, content: bytes });
    const [action] = await tx.insert(actions).values({ organizationId: target.organizationId, title: `Tiltak ${target.marker}`, sourceType: 'manual' }).returning();
    await tx.insert(actionNotes).values({ organizationId: target.organizationId, actionId: action!.id, body: `Notat ${target.marker}` });
    return { evidenceId: file!.id, actionId: action!.id };
  });
}
