import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { organizationPeople } from '../assessment/people';
import { riskContent } from './content';
import type { MatrixResponse, SaveMatrixBody } from './contract';
import { riskError } from './errors';
import { buildMatrix, matrixIssues, type RiskMatrix } from './matrix-shape';
import { riskMatrices } from './schema';

/** The municipality's risk matrix: the national one until it makes its own. Runs inside a tenant transaction. */

async function loadRow(tx: Tx, organizationId: string, lock = false) {
  const query = tx.select().from(riskMatrices).where(eq(riskMatrices.organizationId, organizationId));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The matrix a new risk assessment gets. */
export async function currentMatrix(tx: Tx, organizationId: string): Promise<RiskMatrix> {
  return (await loadRow(tx, organizationId))?.matrix ?? riskContent().matrix;
}

export async function readMatrix(tx: Tx, organizationId: string): Promise<Omit<MatrixResponse, 'policies'>> {
  const row = await loadRow(tx, organizationId);
  const national = riskContent().matrix;
  const updatedBy = row?.updatedBy ? ((await organizationPeople(tx, organizationId)).find((p) => p.id === row.updatedBy)?.name ?? null) : null;
  return {
    source: row?.matrix ? 'local' : 'national',
    matrix: row?.matrix ?? national,
    national,
    version: row?.version ?? 0,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    updatedBy,
  };
}

/**
 * Saves the municipality's own matrix, or (`matrix: null`) goes back to the national one. The whole input is
 * checked first and every problem reported; nothing is written unless it is all right. A save that names an
 * older version than the stored one is refused (409 CONFLICT), as is a first save racing another.
 */
export async function saveMatrix(tx: Tx, organizationId: string, userId: string, body: SaveMatrixBody, now: Date): Promise<void> {
  const national = riskContent().matrix;
  let matrix: RiskMatrix | null = null;
  if (body.matrix) {
    const issues = matrixIssues(body.matrix, national.consequence_dimensions.map((d) => d.id));
    const [first] = issues;
    if (first) throw riskError(first.code, { field: first.field, message: first.message, details: { issues: issues.map((i) => ({ field: i.field, code: i.code, message: i.message })) } });
    matrix = buildMatrix(body.matrix, national, body.version + 1);
  }
  const row = await loadRow(tx, organizationId, true);
  if ((row?.version ?? 0) !== body.version) throw commonError('CONFLICT');
  if (!row) {
    const inserted = await tx.insert(riskMatrices).values({ organizationId, matrix, updatedBy: userId, updatedAt: now }).onConflictDoNothing().returning({ id: riskMatrices.id });
    if (!inserted.length) throw commonError('CONFLICT');
    return;
  }
  await tx
    .update(riskMatrices)
    .set({ matrix, updatedBy: userId, updatedAt: now, version: row.version + 1 })
    .where(and(eq(riskMatrices.organizationId, organizationId), eq(riskMatrices.version, row.version)));
}
