import type { ThreatFactKey, ThreatFacts } from '../systems/threat-facts';
import type { FactDefinition, Threat, ThreatCondition, ThreatRule } from './content';

/**
 * The rule engine of the threat catalogue (content/risk/README.md, `raised_by`): a threat is suggested when at
 * least one rule holds; a rule is one condition or an `all:` group. A fact that is not recorded (null) makes its
 * condition false, so an unknown never raises a threat; instead the facts that would have completed a rule are
 * reported as missing.
 */

export type FactValue = boolean | string;

export interface FactMatch {
  fact: ThreatFactKey;
  value: FactValue;
}

export interface ThreatEvaluation {
  raised: boolean;
  /** For each rule that holds: the facts that made it hold. */
  reasons: FactMatch[][];
  /** Facts not recorded that would complete a rule whose known conditions all hold (deduplicated). */
  missing: ThreatFactKey[];
}

type Outcome = 'true' | 'false' | 'unknown';

function test(condition: ThreatCondition, facts: Partial<ThreatFacts>): Outcome {
  const value = facts[condition.fact as ThreatFactKey];
  if (value === null || value === undefined) return 'unknown';
  if (condition.equals !== undefined) return value === condition.equals ? 'true' : 'false';
  if (condition.in !== undefined) return typeof value === 'string' && condition.in.includes(value) ? 'true' : 'false';
  return 'false';
}

const conditionsOf = (rule: ThreatRule): ThreatCondition[] => ('all' in rule ? rule.all : [rule]);

export function evaluateThreat(threat: Pick<Threat, 'raised_by'>, facts: Partial<ThreatFacts>): ThreatEvaluation {
  const reasons: FactMatch[][] = [];
  const missing = new Set<ThreatFactKey>();
  for (const rule of threat.raised_by) {
    const conditions = conditionsOf(rule);
    const outcomes = conditions.map((c) => test(c, facts));
    if (outcomes.every((o) => o === 'true')) {
      reasons.push(conditions.map((c) => ({ fact: c.fact as ThreatFactKey, value: facts[c.fact as ThreatFactKey] as FactValue })));
    } else if (!outcomes.includes('false')) {
      conditions.forEach((c, i) => {
        if (outcomes[i] === 'unknown') missing.add(c.fact as ThreatFactKey);
      });
    }
  }
  return { raised: reasons.length > 0, reasons, missing: reasons.length ? [] : [...missing] };
}

const enumLabels: Record<string, string> = { critical: 'kritisk', important: 'viktig', other: 'annet' };

/** Plain Norwegian for a fact that made a rule hold (e.g. «Tofaktor er ikke på plass for alle brukere»). */
const phrases: Partial<Record<ThreatFactKey, { true: string; false: string }>> = {
  mfa_users: { true: 'Alle brukere har tofaktor', false: 'Tofaktor er ikke på plass for alle brukere' },
  mfa_admins: { true: 'Alle administratorer har tofaktor', false: 'Tofaktor er ikke på plass for alle administrator- og driftskontoer' },
  backup_offline: { true: 'Det finnes en frakoblet sikkerhetskopi', false: 'Det finnes ingen frakoblet eller uforanderlig sikkerhetskopi' },
  restore_tested_within_12m: { true: 'Gjenoppretting er testet siste 12 måneder', false: 'Full gjenoppretting er ikke testet de siste 12 månedene' },
  end_of_support_passed: { true: 'Systemet har passert slutt på leverandørstøtte', false: 'Systemet har fortsatt leverandørstøtte' },
  internet_exposed: { true: 'Systemet eller innloggingen kan nås fra internett', false: 'Systemet kan ikke nås fra internett' },
  holds_special_categories: { true: 'Systemet har særlige kategorier personopplysninger', false: 'Systemet har ikke særlige kategorier personopplysninger' },
  vendor_hosted: { true: 'Leverandøren drifter systemet', false: 'Kommunen drifter systemet selv' },
  hosting_outside_eea: { true: 'Data lagres eller kan nås fra land utenfor EØS', false: 'Data lagres i EØS' },
  monitoring: { true: 'Sikkerhetshendelser overvåkes', false: 'Sikkerhetshendelser overvåkes ikke' },
};

export function describeMatch(match: FactMatch, definitions: Record<string, FactDefinition>): string {
  const phrase = phrases[match.fact];
  if (phrase && typeof match.value === 'boolean') return match.value ? phrase.true : phrase.false;
  if (match.fact === 'criticality') return `Systemet er ${enumLabels[String(match.value)] ?? String(match.value)} for kommunens tjenester`;
  const title = definitions[match.fact]?.title ?? match.fact;
  return `${title}: ${typeof match.value === 'boolean' ? (match.value ? 'ja' : 'nei') : (enumLabels[match.value] ?? match.value)}`;
}
