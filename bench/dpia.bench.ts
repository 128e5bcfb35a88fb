// DPIA: how many inputs a municipality makes to finish a DPIA from each national template, against the same
// DPIA from scratch in the same structure (content/dpia/README.md, «fra bunnen av mot med mal»), and how fast a
// new template version reaches every municipality's DPIAs as proposals. Run: npx tsx bench/dpia.bench.ts
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/sql';
import { withOwner, withTenant } from '../src/db/tenant';
import { loadCriteria, loadDpiaTemplates, MAX_LOCAL_FIELDS, principleKeys, requiredRiskIds } from '../src/modules/dpia/content';
import type { DpiaTemplateContent, RiskItem } from '../src/modules/dpia/model';
import { latestTemplate, publishTemplate } from '../src/modules/dpia/template-service';
import { buildUser, nationalOrganization } from '../src/test/factories';
import { benchDatabase, percentile, report, timeRepeated } from './support';

// ---------------------------------------------------------------- inputs, counted from the structure

const { templates, errors } = loadDpiaTemplates();
if (errors.length) throw new Error(`content/dpia har feil: ${errors[0]!.message}`);
const criteria = loadCriteria();

/** One input per thing a person writes or decides in a risk: every key of a risk item except its id, title,
 * catalogue references, the planned measures (counted as measures) and the fact checks (the system's facts). */
function riskInputs(item: RiskItem): number {
  const skip = new Set(['id', 'title', 'threat_refs', 'planned_measures', 'fact_checks']);
  return Object.entries(item)
    .filter(([k]) => !skip.has(k))
    .reduce((n, [, v]) => n + (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).length : 1), 0);
}

/** Context inputs: every field of part 1 that is not derived (a field = a mapping with value/local/derived). */
function contextInputs(content: DpiaTemplateContent): number {
  let n = 0;
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const obj = node as Record<string, unknown>;
    if ('value' in obj || 'local' in obj || 'derived' in obj) {
      if (!('derived' in obj)) n++;
      return;
    }
    Object.values(obj).forEach(walk);
  };
  walk(content.context);
  return n;
}

function fromScratch(content: DpiaTemplateContent) {
  const legalBasisParts = Object.keys((content.principles.legal_basis?.value ?? {}) as object).length;
  const parts = {
    // Name, responsible unit, who performed it, who quality-assured it (README rows 1–4).
    metadata: 4,
    // Each WP248 criterion with its reason, the list, the conclusion.
    screening: criteria.wp248.length + 1 + 1,
    context: contextInputs(content),
    // A description and an assessment per principle; the legal basis split beyond art. 6.
    principles: principleKeys.length * 2 + Math.max(0, legalBasisParts - 1),
    risks: requiredRiskIds.reduce((n, id) => n + riskInputs(content.risks.items.find((r) => r.id === id)!), 0),
    // DPO: who, opinion, whether followed; data subjects: sought or why not, what they said, how used;
    // approval: decision, who, date, prior consultation, next review — the keys of part 4 that people answer.
    validation: 3 + 3 + 5,
    // Per measure: name, description, status; per planned measure: owner and deadline.
    measures: content.risks.measures.length * 3 + content.risks.measures.filter((m) => m.status === 'planned').length * 2,
  };
  return { parts, total: Object.values(parts).reduce((a, b) => a + b, 0) };
}

for (const template of templates) {
  const scratch = fromScratch(template.content);
  const local = template.localFields.length;
  // In Samsvar the flow also asks for: confirming the screening the template suggests (one save) and choosing
  // the template (the title is suggested from it). Counted separately, not hidden.
  const flow = local + 2;
  report(`Input for å fullføre DPIA-en «${template.title}»`, [
    { name: 'med nasjonal mal: lokale felt (inkl. uttalelse og godkjenning)', value: local, unit: 'input', target: `≤ ${MAX_LOCAL_FIELDS}`, ok: local <= MAX_LOCAL_FIELDS },
    { name: 'med nasjonal mal: hele flyten (+ bekreft screening, velg mal)', value: flow, unit: 'input', baseline: `${local} lokale + 2` },
    { name: 'fra bunnen av i samme struktur', value: scratch.total, unit: 'input', baseline: Object.entries(scratch.parts).map(([k, v]) => `${k} ${v}`).join(', ') },
    { name: 'andel som gjenstår med mal (hele flyten)', value: (flow / scratch.total) * 100, unit: '%' },
  ]);
}

// ---------------------------------------------------------------- a template version to every municipality

const SLUG = 'epj-helse-omsorg';
const bench = await benchDatabase();
try {
  const { database } = bench;
  const editor = await buildUser(database, { name: 'Benk Fellesforvalter' });
  const national = await nationalOrganization(database);
  await withOwner(database.owner, { organizationId: national.id, userId: null, requestId: 'bench-setup' }, async (tx) => {
    await tx.execute(sql`insert into memberships (organization_id, user_id, role) values (${national.id}, ${editor.id}, 'fellesforvalter')`);
    // Every municipality has one processing activity with a DPIA from the EPJ template.
    await tx.execute(sql`insert into processing_entries (organization_id, kind) select o.id, 'local' from organizations o where o.kind = 'municipality'`);
    await tx.execute(sql`insert into dpias (organization_id, entry_id, title, template_urn, template_version)
      select e.organization_id, e.id, 'DPIA EPJ', t.urn, t.version from processing_entries e, dpia_templates t where t.slug = ${SLUG} and e.kind = 'local'`);
  });
  const [counts] = await queryRows<{ n: number }>(database.owner, sql`select count(*)::int as n from dpias`);
  const asEditor = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(database.app, { organizationId: national.id, userId: editor.id, requestId: `bench-${randomUUID()}`, nationalWriter: true }, work);
  let proposals = 0;
  const times = await timeRepeated(5, () =>
    asEditor(async (tx) => {
      const latest = await latestTemplate(tx, SLUG);
      proposals = (await publishTemplate(tx, SLUG, { baseVersion: latest.version, summary: `${latest.content.summary} (v${latest.version + 1})`, changeNote: 'Fra benken.' }, editor.id)).proposals;
    }),
  );
  report(`Publisere en ny DPIA-malversjon til ${counts!.n} kommuner (PostgreSQL, app-rolle uten BYPASSRLS)`, [
    { name: 'publisering med forslag til alle, median', value: percentile(times, 50), unit: 'ms', target: '≤ 1000 ms', ok: percentile(times, 50) <= 1000 },
    { name: 'forslag laget i siste publisering', value: proposals, unit: 'stk', target: `${counts!.n}`, ok: proposals === counts!.n },
  ]);
} finally {
  await bench.drop();
}
