import type { MatrixInput } from './contract';

/**
 * The risk matrix as the app uses it: the national one from content/risk/matrix.yaml or a municipality's own
 * (3–5 levels of likelihood and of consequence). Pure code without Node imports, so the web app can use it too.
 */

export const riskLevelIds = ['low', 'medium', 'high', 'very_high'] as const;
export type RiskLevelId = (typeof riskLevelIds)[number];
export const matrixSizes = [3, 4, 5] as const;

export interface RiskMatrix {
  urn: string;
  version: number;
  name: string;
  description: string;
  notes?: string;
  likelihood: { value: number; name: string; frequency: string; description: string }[];
  consequence_dimensions: { id: string; title: string }[];
  consequence: { value: number; name: string; by_dimension: Record<string, string> }[];
  risk_levels: { id: RiskLevelId; name: string; color: 'green' | 'yellow' | 'orange' | 'red'; acceptance: string; response_time: string }[];
  /** Row = likelihood ("1" … "n"), column = consequence 1 … m. */
  cells: Record<string, RiskLevelId[]>;
  rules?: string[];
}

export const LOCAL_MATRIX_URN = 'urn:samsvar:risk-matrix:local';

export function cellOf(matrix: RiskMatrix, likelihood: number, consequence: number): RiskLevelId | null {
  return matrix.cells[String(likelihood)]?.[consequence - 1] ?? null;
}

export function levelOf(matrix: RiskMatrix, likelihood: number | null, consequence: number | null): RiskLevelId | null {
  if (!likelihood || !consequence) return null;
  return cellOf(matrix, likelihood, consequence);
}

/** The editable parts of a matrix, as the form and the API carry them. */
export function toMatrixInput(matrix: RiskMatrix): MatrixInput {
  const level = (id: RiskLevelId) => matrix.risk_levels.find((l) => l.id === id) ?? { acceptance: '', response_time: '' };
  return {
    likelihood: matrix.likelihood.map((l) => ({ name: l.name, frequency: l.frequency, description: l.description })),
    consequence: matrix.consequence.map((c) => ({ name: c.name, byDimension: { ...c.by_dimension } })),
    cells: matrix.likelihood.map((l) => matrix.consequence.map((c) => cellOf(matrix, l.value, c.value) ?? '')),
    riskLevels: Object.fromEntries(riskLevelIds.map((id) => [id, { acceptance: level(id).acceptance, responseTime: level(id).response_time }])) as MatrixInput['riskLevels'],
  };
}

/**
 * The input with another number of levels: levels beyond the new size go; new levels start empty (to be named
 * and described) and their cells copy the neighbouring row or column, so the risk still never falls.
 */
export function resizeInput(input: MatrixInput, likelihoodCount: number, consequenceCount: number, dimensions: string[]): MatrixInput {
  const likelihood = Array.from({ length: likelihoodCount }, (_, i) => input.likelihood[i] ?? { name: '', frequency: '', description: '' });
  const consequence = Array.from({ length: consequenceCount }, (_, i) => input.consequence[i] ?? { name: '', byDimension: Object.fromEntries(dimensions.map((d) => [d, ''])) });
  const cells: string[][] = [];
  for (let l = 0; l < likelihoodCount; l++) {
    const source = input.cells[Math.min(l, input.cells.length - 1)] ?? [];
    cells.push(Array.from({ length: consequenceCount }, (_, c) => source[Math.min(c, source.length - 1)] ?? ''));
  }
  return { ...input, likelihood, consequence, cells };
}

export type MatrixIssueCode = 'MATRIX_SIZE' | 'MATRIX_TEXT_REQUIRED' | 'MATRIX_UNKNOWN_DIMENSION' | 'MATRIX_CELL_INVALID' | 'MATRIX_NOT_MONOTONIC';
export interface MatrixIssue {
  code: MatrixIssueCode;
  field: string;
  message: string;
}

const rank = (id: string) => (riskLevelIds as readonly string[]).indexOf(id);

/**
 * Everything wrong with a matrix someone wants to use, each with its field path (`matrix.likelihood.1.name`,
 * `matrix.cells.2.0`, …). `dimensions` are the national consequence dimensions, which a municipality keeps.
 */
export function matrixIssues(input: MatrixInput, dimensions: string[]): MatrixIssue[] {
  const issues: MatrixIssue[] = [];
  const push = (code: MatrixIssueCode, field: string, message: string) => issues.push({ code, field, message });
  const sizes = matrixSizes as readonly number[];
  if (!sizes.includes(input.likelihood.length)) push('MATRIX_SIZE', 'matrix.likelihood', 'Sannsynlighet må ha 3, 4 eller 5 nivåer.');
  if (!sizes.includes(input.consequence.length)) push('MATRIX_SIZE', 'matrix.consequence', 'Konsekvens må ha 3, 4 eller 5 nivåer.');
  if (issues.length) return issues;
  input.likelihood.forEach((l, i) => {
    const at = `matrix.likelihood.${i}`;
    if (!l.name.trim()) push('MATRIX_TEXT_REQUIRED', `${at}.name`, `Skriv navnet på sannsynlighetsnivå ${i + 1}.`);
    if (!l.frequency.trim()) push('MATRIX_TEXT_REQUIRED', `${at}.frequency`, `Skriv hvor ofte sannsynlighetsnivå ${i + 1} inntreffer.`);
    if (!l.description.trim()) push('MATRIX_TEXT_REQUIRED', `${at}.description`, `Beskriv sannsynlighetsnivå ${i + 1}.`);
  });
  input.consequence.forEach((c, i) => {
    const at = `matrix.consequence.${i}`;
    if (!c.name.trim()) push('MATRIX_TEXT_REQUIRED', `${at}.name`, `Skriv navnet på konsekvensnivå ${i + 1}.`);
    for (const d of dimensions) if (!c.byDimension[d]?.trim()) push('MATRIX_TEXT_REQUIRED', `${at}.byDimension.${d}`, `Beskriv konsekvensnivå ${i + 1} for hver konsekvenstype.`);
    for (const d of Object.keys(c.byDimension)) if (!dimensions.includes(d)) push('MATRIX_UNKNOWN_DIMENSION', `${at}.byDimension.${d}`, `Konsekvenstypen «${d}» finnes ikke i matrisen.`);
  });
  for (const id of riskLevelIds) {
    const level = input.riskLevels[id];
    if (!level.acceptance.trim()) push('MATRIX_TEXT_REQUIRED', `matrix.riskLevels.${id}.acceptance`, 'Skriv hva risikonivået betyr for aksept.');
    if (!level.responseTime.trim()) push('MATRIX_TEXT_REQUIRED', `matrix.riskLevels.${id}.responseTime`, 'Skriv fristen for tiltak på risikonivået.');
  }
  const rows = input.likelihood.length;
  const columns = input.consequence.length;
  if (input.cells.length !== rows) push('MATRIX_CELL_INVALID', 'matrix.cells', `Matrisen må ha én rad per sannsynlighetsnivå (${rows}).`);
  let cellsComplete = input.cells.length === rows;
  input.cells.forEach((row, l) => {
    if (row.length !== columns) {
      push('MATRIX_CELL_INVALID', `matrix.cells.${l}`, `Rad ${l + 1} må ha én celle per konsekvensnivå (${columns}).`);
      cellsComplete = false;
    }
    row.forEach((cell, c) => {
      if (rank(cell) < 0) {
        push('MATRIX_CELL_INVALID', `matrix.cells.${l}.${c}`, `Velg risikonivå for sannsynlighet ${l + 1} og konsekvens ${c + 1}.`);
        cellsComplete = false;
      }
    });
  });
  if (!cellsComplete) return issues;
  for (let l = 0; l < rows; l++) {
    for (let c = 0; c < columns; c++) {
      const here = rank(input.cells[l]![c]!);
      const below = l > 0 ? rank(input.cells[l - 1]![c]!) : -1;
      const left = c > 0 ? rank(input.cells[l]![c - 1]!) : -1;
      if (here < below || here < left) {
        push(
          'MATRIX_NOT_MONOTONIC',
          `matrix.cells.${l}.${c}`,
          `Sannsynlighet ${l + 1} og konsekvens ${c + 1} kan ikke ha lavere risiko enn ${here < below ? `sannsynlighet ${l} og konsekvens ${c + 1}` : `sannsynlighet ${l + 1} og konsekvens ${c}`}: risikoen kan ikke synke når sannsynlighet eller konsekvens øker.`,
        );
      }
    }
  }
  return issues;
}

/** A municipality's matrix from checked input: the national matrix's frame (dimensions, level names, colours) with its own levels. */
export function buildMatrix(input: MatrixInput, national: RiskMatrix, version: number): RiskMatrix {
  const trim = (s: string) => s.trim();
  return {
    urn: LOCAL_MATRIX_URN,
    version,
    name: `Kommunens risikomatrise ${input.likelihood.length} × ${input.consequence.length}`,
    description: `Kommunens egen risikomatrise, laget med utgangspunkt i ${national.name} (versjon ${national.version}).`,
    likelihood: input.likelihood.map((l, i) => ({ value: i + 1, name: trim(l.name), frequency: trim(l.frequency), description: trim(l.description) })),
    consequence_dimensions: national.consequence_dimensions,
    consequence: input.consequence.map((c, i) => ({
      value: i + 1,
      name: trim(c.name),
      by_dimension: Object.fromEntries(national.consequence_dimensions.map((d) => [d.id, trim(c.byDimension[d.id] ?? '')])),
    })),
    risk_levels: national.risk_levels.map((l) => ({ ...l, acceptance: trim(input.riskLevels[l.id].acceptance), response_time: trim(input.riskLevels[l.id].responseTime) })),
    cells: Object.fromEntries(input.cells.map((row, l) => [String(l + 1), row as RiskLevelId[]])),
    ...(national.rules ? { rules: national.rules } : {}),
  };
}
