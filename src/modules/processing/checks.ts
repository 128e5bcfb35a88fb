import type { EntryKind, IssueDto } from './contract';
import { fieldLabel, hasSpecialCategories, isFilled, isNoneList, type DpiaValue } from './fields';
import type { SystemFacts } from './systems-adapter';
import type { EntryLinks, EntryView } from './view';

/**
 * Completeness and quality checks of one entry (issue part 4): what is missing, in plain Norwegian, with the
 * field it concerns so the page can link to it. An entry is complete when it has no errors; warnings are
 * worth a look but do not block.
 */
export function checkEntry(
  entry: { kind: EntryKind; dpiaRecorded: boolean },
  view: EntryView,
  links: EntryLinks,
  systemFacts: ReadonlyMap<string, SystemFacts>,
): IssueDto[] {
  const issues: IssueDto[] = [];
  const v = view.values;
  const missing = new Set<string>();
  for (const field of view.fields) {
    if (field.required && !field.filled) {
      missing.add(field.key);
      issues.push({ code: 'MISSING_FIELD', severity: 'error', field: field.key, message: `«${fieldLabel(field.key, 'nb')}» må fylles ut.` });
    }
  }
  const specialCategories = hasSpecialCategories(v.special_categories);
  if (entry.kind !== 'processor') {
    const art6 = v.art6_basis;
    if (!missing.has('art6_basis') && (!isFilled('list', art6) || isNoneList(art6))) {
      issues.push({ code: 'NO_LEGAL_BASIS', severity: 'error', field: 'art6_basis', message: 'Behandlingen mangler behandlingsgrunnlag etter GDPR art. 6.' });
    }
    if (Array.isArray(art6) && art6.some((c) => c === '6(1)(c)' || c === '6(1)(e)') && !isFilled('list', v.art6_national_basis)) {
      issues.push({
        code: 'NO_NATIONAL_BASIS',
        severity: 'warning',
        field: 'art6_national_basis',
        message: 'Art. 6(1)(c) og (e) krever et supplerende rettsgrunnlag i norsk lov (art. 6(3)). Oppgi loven.',
      });
    }
    if (specialCategories && (!isFilled('list', v.art9_basis) || isNoneList(v.art9_basis))) {
      issues.push({ code: 'SPECIAL_WITHOUT_ART9', severity: 'error', field: 'art9_basis', message: 'Behandlingen har særlige kategorier av opplysninger, men mangler unntak etter art. 9(2).' });
    }
    if (v.criminal_offence_data === true && !isFilled('text', v.art10_basis)) {
      issues.push({ code: 'CRIMINAL_WITHOUT_ART10', severity: 'error', field: 'art10_basis', message: 'Opplysninger om straffbare forhold krever grunnlag etter art. 10.' });
    }
    if (!missing.has('retention_period') && !isFilled('text', v.retention_period)) {
      issues.push({ code: 'NO_RETENTION', severity: 'error', field: 'retention_period', message: 'Lagringstid mangler (art. 30(1)(f)).' });
    }
    const dpia = v.dpia as DpiaValue | null;
    if (dpia?.likely && !entry.dpiaRecorded) {
      issues.push({ code: 'DPIA_NOT_RECORDED', severity: 'error', field: 'dpia', message: 'DPIA er sannsynligvis påkrevd (art. 35), men ingen DPIA er registrert.' });
    }
  }
  if (v.third_country_transfer === true && !isFilled('text', v.transfer_safeguards)) {
    issues.push({ code: 'TRANSFER_WITHOUT_SAFEGUARDS', severity: 'error', field: 'transfer_safeguards', message: 'Overføring til tredjeland krever overføringsgrunnlag (art. 44–49).' });
  }
  const withoutDpa = links.processors.filter((p) => !p.dpaInPlace).map((p) => p.name);
  if (withoutDpa.length) {
    issues.push({
      code: 'PROCESSOR_WITHOUT_DPA',
      severity: 'error',
      field: 'processors',
      message: `Databehandleravtale mangler med ${withoutDpa.join(', ')} (art. 28(3)).`,
      subjects: withoutDpa,
    });
  }
  const withoutMfa = links.systems
    .filter((system) => {
      const facts = systemFacts.get(system.id);
      if (!facts || facts.mfaAllUsers !== false) return false;
      // The system inventory knows best; without its answer, an entry with special categories means the system holds them.
      return facts.holdsSpecialCategories ?? specialCategories;
    })
    .map((s) => s.name);
  if (withoutMfa.length) {
    issues.push({
      code: 'SYSTEM_WITHOUT_MFA',
      severity: 'error',
      field: 'systems',
      message: `${withoutMfa.join(', ')} har særlige kategorier av opplysninger, men ikke tofaktorinnlogging for alle brukere (art. 32).`,
      subjects: withoutMfa,
    });
  }
  return issues;
}

export const isComplete = (issues: readonly IssueDto[]) => !issues.some((i) => i.severity === 'error');
