import type { LibraryFramework, LibraryQuestion } from '../model';
import { loadContent, type ContentIssue, type ContentLoad, type Located } from './loader';

/**
 * `samsvar content lint`: everything that makes content wrong beyond its shape. Duplicate or dangling URNs,
 * measures without mappings, framework nodes no measure reaches (unless out of scope with a reason), and
 * questions whose choices, compliant values or conditions do not add up.
 */

const at = (where: Located | undefined, message: string, fallbackFile = ''): ContentIssue => ({
  file: where?.file ?? fallbackFile,
  line: where?.line ?? null,
  path: where?.path ?? '',
  message,
});

function checkDuplicates(load: ContentLoad, issues: ContentIssue[]): void {
  for (const [urn, places] of load.places) {
    if (places.length < 2) continue;
    const first = places[0]!;
    for (const other of places.slice(1)) {
      issues.push(at(other, `URN-en ${urn} er brukt før (${first.file}${first.line ? `:${first.line}` : ''} ${first.path}). En URN kan bare brukes én gang.`));
    }
  }
  const codes = new Map<string, string>();
  for (const { measure } of load.measures) {
    const earlier = codes.get(measure.code);
    if (earlier) issues.push(at(load.places.get(measure.urn)?.[0], `Koden ${measure.code} er brukt før (${earlier}). Hvert tiltak må ha sin egen kode.`));
    else codes.set(measure.code, measure.urn);
  }
}

const questionValues = (q: LibraryQuestion): string[] | null =>
  q.type === 'yes_no' ? ['yes', 'no'] : q.type === 'choice' || q.type === 'multiple_choice' ? q.choices.map((c) => c.value) : null;

function checkQuestions(load: ContentLoad, framework: LibraryFramework, issues: ContentIssue[]): void {
  const seen = new Map<string, LibraryQuestion>();
  const where = (urn: string) => load.places.get(urn)?.[0];
  const checkRule = (owner: string, rule: { questionUrn: string; values: string[] }, label: string) => {
    const target = seen.get(rule.questionUrn);
    if (!target) {
      issues.push(at(where(owner), `${label} viser til ${rule.questionUrn}, som ikke er et spørsmål tidligere i ${framework.refId}.`));
      return;
    }
    const allowed = questionValues(target);
    if (!allowed) {
      issues.push(at(where(owner), `${label} viser til et ${target.type}-spørsmål; bare ja/nei- og valgspørsmål kan styre andre.`));
      return;
    }
    for (const value of rule.values) if (!allowed.includes(value)) issues.push(at(where(owner), `${label}: «${value}» er ikke et svar på ${rule.questionUrn} (gyldige: ${allowed.join(', ')}).`));
  };
  for (const node of framework.nodes) {
    if (node.questions.length && !node.assessable) issues.push(at(where(node.urn), `Noden har spørsmål, men er ikke assessable: true.`));
    for (const question of node.questions) {
      if (!question.urn.startsWith(`${node.urn}:`)) issues.push(at(where(question.urn), `Spørsmålets URN må begynne med nodens URN (${node.urn}:q<n>).`));
      const hasChoices = question.type === 'choice' || question.type === 'multiple_choice';
      if (hasChoices && question.choices.length === 0) issues.push(at(where(question.urn), `Et ${question.type}-spørsmål må ha choices.`));
      if (!hasChoices && question.choices.length) issues.push(at(where(question.urn), `Bare choice og multiple_choice kan ha choices.`));
      const values = new Set<string>();
      for (const choice of question.choices) {
        if (values.has(choice.value)) issues.push(at(where(question.urn), `Svarverdien «${choice.value}» står to ganger.`));
        values.add(choice.value);
      }
      const allowed = questionValues(question);
      if (question.compliantValues.length && !allowed) issues.push(at(where(question.urn), `Et ${question.type}-spørsmål kan ikke ha compliant.`));
      for (const value of question.compliantValues) {
        if (allowed && !allowed.includes(value)) issues.push(at(where(question.urn), `compliant: «${value}» er ikke et av svarene (gyldige: ${allowed.join(', ')}).`));
      }
      if (question.dependsOn) checkRule(question.urn, question.dependsOn, 'depends_on');
      seen.set(question.urn, question);
    }
  }
  const groups = new Set(framework.implementationGroups.map((g) => g.refId));
  for (const group of framework.implementationGroups) if (group.appliesIf) checkRule(framework.urn, group.appliesIf, `Gruppen ${group.refId} (applies_if)`);
  for (const node of framework.nodes) {
    for (const group of node.implementationGroups) {
      if (!groups.has(group)) issues.push(at(where(node.urn), `Gruppen «${group}» finnes ikke i implementation_groups_definition.`));
    }
  }
  if (framework.kind === 'questionnaire') {
    const count = framework.nodes.reduce((n, node) => n + node.questions.length, 0);
    if (count < 30 || count > 50) issues.push(at(where(framework.urn), `Spørreskjemaet har ${count} spørsmål; det skal ha 30–50.`));
  }
}

/** Which nodes some measure reaches: mapped directly, or (for a heading) through a node below it. */
export function reachedNodes(framework: LibraryFramework, mappedUrns: Set<string>): Set<string> {
  const reached = new Set<string>();
  const withReachedChild = new Set<string>();
  // Depth-first order puts children after their parent, so walking backwards sees every child first.
  for (let i = framework.nodes.length - 1; i >= 0; i--) {
    const node = framework.nodes[i]!;
    if (mappedUrns.has(node.urn) || (!node.assessable && withReachedChild.has(node.urn))) {
      reached.add(node.urn);
      if (node.parentUrn) withReachedChild.add(node.parentUrn);
    }
  }
  return reached;
}

function checkMappingsAndCoverage(load: ContentLoad, issues: ContentIssue[]): void {
  const nodes = new Map<string, { framework: LibraryFramework; assessable: boolean; outOfScope: string | null }>();
  for (const { framework } of load.frameworks) for (const node of framework.nodes) nodes.set(node.urn, { framework, assessable: node.assessable, outOfScope: node.outOfScope });
  const mapped = new Set<string>();
  for (const { file, measure } of load.measures) {
    if (measure.mappings.length === 0) issues.push(at(load.places.get(measure.urn)?.[0], `Tiltaket ${measure.code} viser ikke til noe krav (mappings mangler).`, file));
    const targets = new Set<string>();
    measure.mappings.forEach((mapping, index) => {
      const where = load.mappingPlaces.get(`${measure.urn} ${index}`);
      const target = nodes.get(mapping.target);
      if (!target) issues.push(at(where, `${measure.code} viser til ${mapping.target}, som ikke finnes i noe rammeverk.`, file));
      else if (target.framework.kind === 'questionnaire') issues.push(at(where, `${measure.code} viser til et spørsmål i ${target.framework.refId}; tiltak kobles til krav, ikke til spørreskjemaer.`, file));
      if (targets.has(mapping.target)) issues.push(at(where, `${measure.code} viser til ${mapping.target} to ganger.`, file));
      targets.add(mapping.target);
      mapped.add(mapping.target);
    });
  }
  for (const { framework } of load.frameworks) {
    if (framework.kind !== 'framework') continue;
    const reached = reachedNodes(framework, mapped);
    for (const node of framework.nodes) {
      if (node.outOfScope || reached.has(node.urn)) continue;
      // A heading is fine when everything below it is out of scope.
      const children = framework.nodes.filter((n) => n.parentUrn === node.urn);
      if (!node.assessable && children.length && children.every((c) => c.outOfScope)) continue;
      issues.push(at(load.places.get(node.urn)?.[0], `Ingen felles tiltak dekker ${framework.refId} ${node.refId ?? node.urn}. Legg til en mapping fra et tiltak, eller marker noden med out_of_scope og en begrunnelse.`));
    }
  }
}

export function lintLoaded(load: ContentLoad): ContentIssue[] {
  const issues = [...load.issues];
  checkDuplicates(load, issues);
  for (const { framework } of load.frameworks) checkQuestions(load, framework, issues);
  checkMappingsAndCoverage(load, issues);
  return issues;
}

export function lintContent(root: string): { load: ContentLoad; issues: ContentIssue[] } {
  const load = loadContent(root);
  return { load, issues: lintLoaded(load) };
}
