import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { users } from '../users/schema';
import { EVIDENCE_MAX_BYTES, type AddEvidenceBody, type EvidenceDto } from './contract';
import { assessmentError } from './errors';
import { checkEvidenceFile } from './file-types';
import { measureByUrn } from './library-read';
import type { Scope } from './policy';
import { evidence, evidenceFiles, measureAssessments } from './schema';

type EvidenceRow = typeof evidence.$inferSelect & { createdByName: string | null };

const presentEvidence = (row: EvidenceRow): EvidenceDto => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  url: row.url,
  fileName: row.fileName,
  contentType: row.contentType,
  sizeBytes: row.sizeBytes,
  createdBy: row.createdBy ? { id: row.createdBy, name: row.createdByName ?? '' } : null,
  createdAt: row.createdAt.toISOString(),
});

export async function listEvidence(tx: Tx, organizationId: string, measureUrn: string): Promise<EvidenceDto[]> {
  const rows = await tx
    .select({ evidence, createdByName: users.name })
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.createdBy))
    .where(and(eq(evidence.organizationId, organizationId), eq(evidence.measureUrn, measureUrn)))
    .orderBy(asc(evidence.createdAt));
  return rows.map((r) => presentEvidence({ ...r.evidence, createdByName: r.createdByName }));
}

/** A bidragsyter may touch evidence only on measures assigned to them. */
async function assertMayAnswer(tx: Tx, scope: Scope, measureUrn: string): Promise<void> {
  if (scope.edit) return;
  if (!scope.answer) throw assessmentError('NOT_ASSIGNED', { field: 'measureUrn' });
  const [row] = await tx
    .select({ id: measureAssessments.id })
    .from(measureAssessments)
    .where(and(eq(measureAssessments.organizationId, scope.organizationId), eq(measureAssessments.measureUrn, measureUrn), eq(measureAssessments.ownerUserId, scope.userId)));
  if (!row) throw assessmentError('NOT_ASSIGNED', { field: 'measureUrn' });
}

export async function addEvidence(tx: Tx, scope: Scope, body: AddEvidenceBody): Promise<EvidenceDto> {
  if (!(await measureByUrn(tx, body.measureUrn))) throw assessmentError('MEASURE_NOT_FOUND', { field: 'measureUrn' });
  await assertMayAnswer(tx, scope, body.measureUrn);
  let row: typeof evidence.$inferSelect;
  if (body.kind === 'link') {
    [row] = (await tx
      .insert(evidence)
      .values({ organizationId: scope.organizationId, measureUrn: body.measureUrn, kind: 'link', title: body.title, url: body.url, createdBy: scope.userId })
      .returning()) as [typeof evidence.$inferSelect];
  } else {
    const bytes = Buffer.from(body.contentBase64, 'base64');
    const { contentType } = checkEvidenceFile(body.fileName, bytes, EVIDENCE_MAX_BYTES);
    [row] = (await tx
      .insert(evidence)
      .values({
        organizationId: scope.organizationId,
        measureUrn: body.measureUrn,
        kind: 'file',
        title: body.title?.trim() || body.fileName,
        fileName: body.fileName,
        contentType,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        createdBy: scope.userId,
      })
      .returning()) as [typeof evidence.$inferSelect];
    await tx.insert(evidenceFiles).values({ evidenceId: row.id, organizationId: scope.organizationId, content: bytes });
  }
  const [creator] = await tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
  return presentEvidence({ ...row, createdByName: creator?.name ?? null });
}

async function visibleEvidence(tx: Tx, scope: Scope, id: string) {
  const filters = [eq(evidence.id, id), eq(evidence.organizationId, scope.organizationId)];
  const query = tx.select({ evidence }).from(evidence);
  const rows = scope.all
    ? await query.where(and(...filters))
    : await query
        .innerJoin(
          measureAssessments,
          and(eq(measureAssessments.organizationId, evidence.organizationId), eq(measureAssessments.measureUrn, evidence.measureUrn), eq(measureAssessments.ownerUserId, scope.userId)),
        )
        .where(and(...filters));
  const row = rows[0]?.evidence;
  if (!row) throw commonError('NOT_FOUND');
  return row;
}

export async function deleteEvidence(tx: Tx, scope: Scope, id: string): Promise<void> {
  const row = await visibleEvidence(tx, scope, id);
  if (!scope.edit && row.createdBy !== scope.userId) throw commonError('FORBIDDEN');
  await tx.delete(evidence).where(and(eq(evidence.id, row.id), eq(evidence.organizationId, scope.organizationId)));
}

export async function evidenceFile(tx: Tx, scope: Scope, id: string): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const row = await visibleEvidence(tx, scope, id);
  if (row.kind !== 'file') throw commonError('NOT_FOUND');
  const [file] = await tx
    .select({ content: evidenceFiles.content })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.evidenceId, row.id), eq(evidenceFiles.organizationId, scope.organizationId)));
  if (!file) throw commonError('NOT_FOUND');
  return { fileName: row.fileName ?? 'vedlegg', contentType: row.contentType ?? 'application/octet-stream', content: file.content };
}

/** RFC 6266 attachment header with a plain fallback name and the real (UTF-8) name. */
export function attachmentHeader(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
