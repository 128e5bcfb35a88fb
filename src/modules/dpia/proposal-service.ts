import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import type { ProposalDto } from './contract';
import { applyTemplateVersion, changedPaths } from './document';
import { requireDpia, versionRow } from './dpia-service';
import { dpiaError } from './errors';
import { dpiaProposals, dpias, dpiaVersions } from './schema';
import { templateVersion } from './template-service';

/**
 * A new national template version reaches a DPIA as a proposal. Accepting it makes a new draft version with
 * the new template content and the municipality's own values (local fields, added risks and measures, level
 * adjustments) kept; declining records the decision and changes nothing.
 */

type ProposalRow = typeof dpiaProposals.$inferSelect;

async function present(tx: Tx, row: ProposalRow, title: string): Promise<ProposalDto> {
  const from = await templateVersion(tx, row.templateUrn, row.fromVersion);
  const to = await templateVersion(tx, row.templateUrn, row.toVersion);
  const changed = changedPaths(from?.content, to?.content).filter((p) => p !== 'version');
  return { id: row.id, dpiaId: row.dpiaId, dpiaTitle: title, templateUrn: row.templateUrn, fromVersion: row.fromVersion, toVersion: row.toVersion, status: row.status, changeNote: to?.changeNote ?? null, changed };
}

export async function listProposals(tx: Tx, organizationId: string): Promise<ProposalDto[]> {
  const rows = await tx
    .select({ p: dpiaProposals, title: dpias.title })
    .from(dpiaProposals)
    .innerJoin(dpias, and(eq(dpias.id, dpiaProposals.dpiaId), eq(dpias.organizationId, organizationId)))
    .where(eq(dpiaProposals.organizationId, organizationId))
    .orderBy(desc(dpiaProposals.createdAt));
  return Promise.all(rows.map((r) => present(tx, r.p, r.title)));
}

async function requireOpen(tx: Tx, organizationId: string, id: string): Promise<ProposalRow> {
  const [row] = await tx.select().from(dpiaProposals).where(and(eq(dpiaProposals.organizationId, organizationId), eq(dpiaProposals.id, id)));
  if (!row) throw commonError('NOT_FOUND');
  if (row.status !== 'open') throw dpiaError('PROPOSAL_DECIDED');
  return row;
}

async function close(tx: Tx, row: ProposalRow, status: 'accepted' | 'declined', userId: string | null, note: string | null) {
  await tx
    .update(dpiaProposals)
    .set({ status, decidedBy: userId, decidedAt: new Date(), decisionNote: note, version: row.version + 1 })
    .where(and(eq(dpiaProposals.organizationId, row.organizationId), eq(dpiaProposals.id, row.id)));
}

export async function acceptProposal(tx: Tx, organizationId: string, userId: string | null, id: string): Promise<{ dpiaId: string; number: number }> {
  const proposal = await requireOpen(tx, organizationId, id);
  const dpia = await requireDpia(tx, organizationId, proposal.dpiaId);
  if (dpia.status === 'in_review' || dpia.status === 'awaiting_approval') {
    throw dpiaError('WRONG_STATUS', { message: 'Vurderingen er hos personvernombudet eller til godkjenning. Ta stilling til forslaget etterpå.' });
  }
  const next = await templateVersion(tx, proposal.templateUrn, proposal.toVersion);
  if (!next) throw dpiaError('TEMPLATE_NOT_FOUND');
  const current = await versionRow(tx, dpia);
  const document = applyTemplateVersion(current.document, next.content);
  const number = dpia.currentVersion + 1;
  await tx.insert(dpiaVersions).values({
    organizationId,
    dpiaId: dpia.id,
    number,
    templateVersion: next.version,
    document,
    changeNote: `Ny versjon ${next.version} av den nasjonale malen er tatt inn. Lokale verdier er beholdt.`,
    createdBy: userId,
  });
  const [updated] = await tx
    .update(dpias)
    .set({ currentVersion: number, status: 'draft', templateVersion: next.version, updatedAt: new Date(), version: dpia.version + 1 })
    .where(and(eq(dpias.organizationId, organizationId), eq(dpias.id, dpia.id), eq(dpias.version, dpia.version)))
    .returning();
  if (!updated) throw commonError('CONFLICT');
  await close(tx, proposal, 'accepted', userId, null);
  return { dpiaId: dpia.id, number };
}

export async function declineProposal(tx: Tx, organizationId: string, userId: string | null, id: string, note: string | null): Promise<void> {
  const proposal = await requireOpen(tx, organizationId, id);
  await close(tx, proposal, 'declined', userId, note);
}
