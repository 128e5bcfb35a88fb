import type { Database } from '../../db/connection';
import { enterOrganization, withOwner, type Tx } from '../../db/tenant';
import type { MatrixOrganization } from '../../test/matrix-fixtures';
import { systems } from '../systems/schema';
import { riskContent } from './content';
import { buildMatrix, toMatrixInput } from './matrix-shape';
import { riskAssessmentRisks, riskAssessments, riskMatrices, riskMeasures } from './schema';

const owner = <T>(database: Database, organizationId: string, work: (tx: Tx) => Promise<T>) =>
  withOwner(database.owner, { organizationId: null, userId: null, requestId: 'risk-test' }, async (tx) => {
    await enterOrganization(tx, organizationId);
    return work(tx);
  });

/**
 * The victim organisation's risk assessment for the route-matrix test: a system, an assessment, a risk, a
 * measure, and its own risk matrix (a level named with the marker, which must never reach anyone else).
 */
export async function buildRiskFixture(database: Database, target: MatrixOrganization): Promise<Record<string, string>> {
  return owner(database, target.organizationId, async (tx) => {
    const [system] = await tx.insert(systems).values({ organizationId: target.organizationId, name: `ROS-system ${target.marker}`, mfaUsers: 'no' }).returning();
    const [assessment] = await tx
      .insert(riskAssessments)
      .values({ organizationId: target.organizationId, subjectKind: 'system', systemId: system!.id, subjectName: system!.name, title: `ROS ${target.marker}` })
      .returning();
    const [risk] = await tx
      .insert(riskAssessmentRisks)
      .values({ organizationId: target.organizationId, assessmentId: assessment!.id, title: `Risiko ${target.marker}`, likelihood: 3, consequence: 3 })
      .returning();
    const [measure] = await tx
      .insert(riskMeasures)
      .values({ organizationId: target.organizationId, assessmentId: assessment!.id, riskId: risk!.id, title: `Tiltak ${target.marker}` })
      .returning();
    const national = riskContent().matrix;
    const input = toMatrixInput(national);
    input.likelihood[0]!.name = `Sjelden ${target.marker}`;
    const [matrix] = await tx.insert(riskMatrices).values({ organizationId: target.organizationId, matrix: buildMatrix(input, national, 1) }).returning();
    return { riskMatrixId: matrix!.id, riskSystemId: system!.id, riskAssessmentId: assessment!.id, riskId: risk!.id, riskMeasureId: measure!.id };
  });
}
