import type { Criteria } from './content';
import type { DpiaTemplateContent } from './model';
import type { ScreeningCriterion, ScreeningOutcome } from './schema';

/**
 * The screening rule (WP248 and GDPR art. 35(4)): a hit on Datatilsynet's list, or two or more criteria, means a
 * DPIA is required; one criterion means it is recommended; none means it is not required.
 */
export function screeningOutcome(criteria: readonly ScreeningCriterion[], listHits: readonly string[]): ScreeningOutcome {
  const met = criteria.filter((c) => c.met).length;
  if (listHits.length > 0 || met >= 2) return 'required';
  return met === 1 ? 'recommended' : 'not_required';
}

const outcomeText: Record<ScreeningOutcome, string> = {
  required: 'DPIA kreves',
  recommended: 'DPIA anbefales',
  not_required: 'DPIA kreves ikke',
};

/** The reasoning stored with the activity, in plain words. */
export function screeningReasoning(criteria: readonly ScreeningCriterion[], listHits: readonly string[], catalogue: Criteria): string {
  const met = criteria.filter((c) => c.met).map((c) => c.criterion);
  const outcome = screeningOutcome(criteria, listHits);
  const parts = [`${outcomeText[outcome]}.`];
  parts.push(met.length ? `${met.length} av 9 WP248-kriterier er oppfylt (${met.join(', ')}).` : 'Ingen av de ni WP248-kriteriene er oppfylt.');
  if (listHits.length) {
    const items = listHits.map((id) => catalogue.datatilsynetList.find((i) => i.id === id)?.item ?? id);
    parts.push(`Behandlingen står på Datatilsynets liste: ${items.join('; ')}.`);
  }
  parts.push('Grunnlag: GDPR art. 35(1), 35(3) og 35(4).');
  return parts.join(' ');
}

/** Picks the list items a template's screening names, matched on the item's first words. */
function matchListItem(text: string, catalogue: Criteria): string | null {
  const t = text.toLowerCase();
  const keys: [string, string][] = [
    ['lokalisering', 'lokalisering'],
    ['sensitive', 'sensitive'],
    ['læring', 'skole-barnehage'],
    ['tredjepart', 'tredjepart'],
    ['overvåking av ansatte', 'ansattovervaking'],
    ['biometri', 'biometri'],
    ['genetiske', 'genetikk'],
  ];
  const hit = keys.find(([word]) => t.includes(word));
  return hit && catalogue.datatilsynetList.some((i) => i.id === hit[1]) ? hit[1] : null;
}

/** A screening prefilled from a national template's `screening:` (the municipality confirms it). */
export function screeningFromTemplate(content: DpiaTemplateContent, catalogue: Criteria): { criteria: ScreeningCriterion[]; listHits: string[] } {
  const criteria = catalogue.wp248.map((c) => {
    const found = content.screening?.wp248?.find((w) => w.criterion === c.criterion);
    return { criterion: c.criterion, met: found?.met ?? false, reason: found?.reason ?? '' };
  });
  const listHits = (content.screening?.datatilsynet_list ?? [])
    .filter((i) => i.met && !i.applies_if)
    .map((i) => matchListItem(i.item, catalogue))
    .filter((id): id is string => id !== null);
  return { criteria, listHits: [...new Set(listHits)] };
}
