import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { processingEntrySystems } from '../processing/schema';
import { systems } from '../systems/schema';
import { loadThreatFacts, type ThreatFacts } from '../systems/threat-facts';
import type { ThreatCatalogue } from './content';
import { riskContent } from './content';
import type { CandidateDto, CandidatesResponse } from './contract';
import type { AssessmentRow } from './detail';
import { describeMatch, evaluateThreat } from './rules';
import { riskAssessmentRisks } from './schema';

/**
 * Candidate risks: the catalogue's threats whose rules hold for the facts recorded about the assessed system
 * (for a processing activity: about each system it uses), with why; and the threats that recorded facts
 * could still raise, with the facts that are missing. Threats already in the assessment, or dismissed, are left out.
 */
export function candidatesFor(catalogue: ThreatCatalogue, subjects: { name: string; facts: ThreatFacts }[], exclude: ReadonlySet<string>): CandidateDto[] {
  const result: CandidateDto[] = [];
  for (const threat of catalogue.threats) {
    if (exclude.has(threat.urn) || threat.raised_by.length === 0) continue;
    const reasons: CandidateDto['reasons'] = [];
    const missing: CandidateDto['missing'] = [];
    for (const subject of subjects) {
      const evaluation = evaluateThreat(threat, subject.facts);
      for (const reason of evaluation.reasons) reasons.push({ systemName: subject.name, text: reason.map((m) => describeMatch(m, catalogue.facts)).join(' og ') });
      for (const fact of evaluation.missing) missing.push({ systemName: subject.name, fact, title: catalogue.facts[fact]?.title ?? fact });
    }
    if (!reasons.length && !missing.length) continue;
    result.push({
      threatUrn: threat.urn,
      title: threat.title,
      description: threat.description,
      category: threat.category,
      suggestedMeasures: threat.suggested_measures,
      related: threat.related ?? [],
      raised: reasons.length > 0,
      reasons,
      missing: reasons.length ? [] : missing,
    });
  }
  // Raised first, in catalogue order; then the ones waiting for facts.
  return [...result.filter((c) => c.raised), ...result.filter((c) => !c.raised)];
}

/** The systems whose facts decide the candidates of an assessment. */
export async function subjectSystems(tx: Tx, organizationId: string, row: AssessmentRow): Promise<{ id: string; name: string }[]> {
  let ids: string[] = [];
  if (row.subjectKind === 'system' && row.systemId) ids = [row.systemId];
  if (row.subjectKind === 'processing' && row.processingEntryId) {
    const links = await tx
      .select({ systemId: processingEntrySystems.systemId })
      .from(processingEntrySystems)
      .where(and(eq(processingEntrySystems.organizationId, organizationId), eq(processingEntrySystems.entryId, row.processingEntryId)));
    ids = links.map((l) => l.systemId);
  }
  if (!ids.length) return [];
  return tx
    .select({ id: systems.id, name: systems.name })
    .from(systems)
    .where(and(eq(systems.organizationId, organizationId), inArray(systems.id, ids)))
    .orderBy(asc(systems.name));
}

export async function assessmentCandidates(tx: Tx, organizationId: string, row: AssessmentRow, today: string): Promise<CandidatesResponse> {
  const subjects = await subjectSystems(tx, organizationId, row);
  const facts = await loadThreatFacts(tx, organizationId, subjects.map((s) => s.id), today);
  const taken = await tx
    .select({ urn: riskAssessmentRisks.threatUrn })
    .from(riskAssessmentRisks)
    .where(and(eq(riskAssessmentRisks.organizationId, organizationId), eq(riskAssessmentRisks.assessmentId, row.id)));
  const exclude = new Set(taken.map((t) => t.urn).filter((u): u is string => u !== null));
  const withFacts = subjects.filter((s) => facts.has(s.id)).map((s) => ({ name: s.name, facts: facts.get(s.id)! }));
  return { candidates: candidatesFor(riskContent().catalogue, withFacts, exclude), systems: subjects };
}
