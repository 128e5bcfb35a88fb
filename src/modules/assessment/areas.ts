import type { AreaHeatDto } from './contract';
import { assessmentStatuses, type AssessmentStatus } from './schema';

export const emptyStatusCounts = (): Record<AssessmentStatus, number> =>
  Object.fromEntries(assessmentStatuses.map((s) => [s, 0])) as Record<AssessmentStatus, number>;

/**
 * The self-assessment by area of the common measures: how many measures are in each status, and the average
 * maturity of those that were given one (measures not relevant are left out of the average).
 */
export function areaHeatMap(
  measures: { urn: string; area: string; areaTitle: string }[],
  assessments: { measureUrn: string; status: AssessmentStatus; maturity: number | null }[],
): AreaHeatDto[] {
  const byMeasure = new Map(assessments.map((a) => [a.measureUrn, a]));
  const areas = new Map<string, AreaHeatDto & { maturitySum: number; maturityCount: number }>();
  for (const measure of measures) {
    let area = areas.get(measure.area);
    if (!area) {
      area = { area: measure.area, title: measure.areaTitle, measures: 0, counts: emptyStatusCounts(), averageMaturity: null, maturitySum: 0, maturityCount: 0 };
      areas.set(measure.area, area);
    }
    const assessment = byMeasure.get(measure.urn);
    area.measures++;
    area.counts[assessment?.status ?? 'not_assessed']++;
    if (assessment && assessment.status !== 'not_relevant' && assessment.maturity !== null) {
      area.maturitySum += assessment.maturity;
      area.maturityCount++;
    }
  }
  return [...areas.values()].map(({ maturitySum, maturityCount, ...area }) => ({
    ...area,
    averageMaturity: maturityCount ? Math.round((maturitySum / maturityCount) * 10) / 10 : null,
  }));
}
