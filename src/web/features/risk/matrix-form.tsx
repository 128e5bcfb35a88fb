import { Button, Fieldset, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import type { MatrixInput, MatrixResponse } from '../../../modules/risk/contract';
import { matrixSizes, resizeInput, riskLevelIds, toMatrixInput, type RiskLevelId } from '../../../modules/risk/matrix-shape';
import { ApiError } from '../../api/client';
import { fieldError, FormErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n';
import { ChoiceField } from '../systems/form-fields';
import { useSaveMatrix } from './api';
import { levelFill } from './level-tag';

/** The id of the input for a field path from the server (`matrix.likelihood.1.name` → `m-likelihood-1-name`). */
const idOf = (field: string) => `m-${field.replace(/^matrix\./, '').replace(/\./g, '-')}`;

/**
 * Customising the matrix, starting from the one in force: size and cells first, the level definitions one
 * click away. A section with an error opens, so every link in the error summary reaches its field.
 */
export function MatrixForm({ data, onDone }: { data: MatrixResponse; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const save = useSaveMatrix();
  const [input, setInput] = useState<MatrixInput>(() => toMatrixInput(data.matrix));
  const dimensions = data.national.consequence_dimensions;
  const levelName = (id: string) => data.national.risk_levels.find((l) => l.id === id)?.name ?? id;
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const errorIn = (prefix: string) => Object.keys(errors).some((f) => f.startsWith(prefix));
  const err = (field: string) => fieldError(save.error, field);

  const fieldIds: Record<string, string> = { 'matrix.likelihood': 'm-likelihood', 'matrix.consequence': 'm-consequence', 'matrix.cells': 'm-cells-0-0' };
  input.likelihood.forEach((_, i) => ['name', 'frequency', 'description'].forEach((f) => (fieldIds[`matrix.likelihood.${i}.${f}`] = idOf(`matrix.likelihood.${i}.${f}`))));
  input.consequence.forEach((_, i) => {
    fieldIds[`matrix.consequence.${i}.name`] = idOf(`matrix.consequence.${i}.name`);
    for (const d of dimensions) fieldIds[`matrix.consequence.${i}.byDimension.${d.id}`] = idOf(`matrix.consequence.${i}.byDimension.${d.id}`);
  });
  input.cells.forEach((row, l) => {
    fieldIds[`matrix.cells.${l}`] = idOf(`matrix.cells.${l}.0`);
    row.forEach((_, c) => (fieldIds[`matrix.cells.${l}.${c}`] = idOf(`matrix.cells.${l}.${c}`)));
  });
  for (const id of riskLevelIds) for (const f of ['acceptance', 'responseTime']) fieldIds[`matrix.riskLevels.${id}.${f}`] = idOf(`matrix.riskLevels.${id}.${f}`);

  const update = (change: (draft: MatrixInput) => void) =>
    setInput((current) => {
      const draft = structuredClone(current);
      change(draft);
      return draft;
    });
  const resize = (likelihood: number, consequence: number) =>
    setInput((current) =>
      resizeInput(
        current,
        likelihood,
        consequence,
        dimensions.map((d) => d.id),
      ),
    );
  const sizeOptions = matrixSizes.map((n) => ({ value: String(n), label: t('risk.matrix.levels', { n }) }));
  const text = (field: string, label: string, value: string, onChange: (v: string) => void, multiline = false) =>
    multiline ? (
      <Textfield key={field} id={idOf(field)} label={label} multiline rows={2} value={value} onChange={(e) => onChange(e.target.value)} error={err(field)} />
    ) : (
      <Textfield key={field} id={idOf(field)} label={label} value={value} onChange={(e) => onChange(e.target.value)} error={err(field)} />
    );

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ matrix: input, version: data.version }, { onSuccess: () => onDone(true) });
      }}
    >
      <Heading level={2} data-size="sm">
        {t('risk.matrix.customise')}
      </Heading>
      <Paragraph>{t('risk.matrix.customiseLead')}</Paragraph>
      <FormErrors error={save.error} fieldIds={fieldIds} />
      <Fieldset>
        <Fieldset.Legend>{t('risk.matrix.size')}</Fieldset.Legend>
        <div className="row">
          <ChoiceField id="m-likelihood" label={t('risk.matrix.likelihoodCount')} value={String(input.likelihood.length)} onChange={(v) => resize(Number(v), input.consequence.length)} options={sizeOptions} error={err('matrix.likelihood')} />
          <ChoiceField id="m-consequence" label={t('risk.matrix.consequenceCount')} value={String(input.consequence.length)} onChange={(v) => resize(input.likelihood.length, Number(v))} options={sizeOptions} error={err('matrix.consequence')} />
        </div>
      </Fieldset>

      <div className="table-wrap">
        <table className="risk-map" style={{ borderCollapse: 'collapse', fontSize: '0.85rem' }}>
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t('risk.matrix.cells')}</caption>
          <thead>
            <tr>
              <th scope="col">{`${t('risk.likelihood')} \\ ${t('risk.consequence')}`}</th>
              {input.consequence.map((c, i) => (
                <th key={i} scope="col" style={{ padding: '0.25rem', maxWidth: '8rem' }}>
                  {i + 1} {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...input.likelihood.keys()].reverse().map((l) => (
              <tr key={l}>
                <th scope="row" style={{ textAlign: 'left', padding: '0.25rem' }}>
                  {l + 1} {input.likelihood[l]!.name}
                </th>
                {input.consequence.map((_, c) => {
                  const field = `matrix.cells.${l}.${c}`;
                  const value = input.cells[l]?.[c] ?? '';
                  const known = (riskLevelIds as readonly string[]).includes(value);
                  return (
                    <td key={c} style={{ background: known ? levelFill[value as RiskLevelId] : undefined, border: '1px solid #ffffff', padding: '0.35rem' }}>
                      <Label htmlFor={idOf(field)} className="visually-hidden">
                        {t('risk.matrix.cellLabel', { l: l + 1, c: c + 1 })}
                      </Label>
                      <Select
                        id={idOf(field)}
                        data-size="sm"
                        value={value}
                        aria-invalid={err(field) ? true : undefined}
                        onChange={(e) =>
                          update((d) => {
                            d.cells[l]![c] = e.target.value;
                          })
                        }
                      >
                        {known ? null : <option value="">–</option>}
                        {riskLevelIds.map((id) => (
                          <option key={id} value={id}>
                            {levelName(id)}
                          </option>
                        ))}
                      </Select>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Section title={t('risk.matrix.likelihoodLevels')} open={errorIn('matrix.likelihood.')}>
        {input.likelihood.map((level, i) => (
          <Fieldset key={i}>
            <Fieldset.Legend>{t('risk.matrix.likelihoodN', { n: i + 1 })}</Fieldset.Legend>
            {text(`matrix.likelihood.${i}.name`, t('risk.matrix.name'), level.name, (v) => update((d) => void (d.likelihood[i]!.name = v)))}
            {text(`matrix.likelihood.${i}.frequency`, t('risk.matrix.frequency'), level.frequency, (v) => update((d) => void (d.likelihood[i]!.frequency = v)))}
            {text(`matrix.likelihood.${i}.description`, t('risk.matrix.description'), level.description, (v) => update((d) => void (d.likelihood[i]!.description = v)), true)}
          </Fieldset>
        ))}
      </Section>

      <Section title={t('risk.matrix.consequenceLevels')} open={errorIn('matrix.consequence.')}>
        {input.consequence.map((level, i) => (
          <Fieldset key={i}>
            <Fieldset.Legend>{t('risk.matrix.consequenceN', { n: i + 1 })}</Fieldset.Legend>
            {text(`matrix.consequence.${i}.name`, t('risk.matrix.name'), level.name, (v) => update((d) => void (d.consequence[i]!.name = v)))}
            {dimensions.map((dim) =>
              text(`matrix.consequence.${i}.byDimension.${dim.id}`, dim.title, level.byDimension[dim.id] ?? '', (v) => update((d) => void (d.consequence[i]!.byDimension[dim.id] = v)), true),
            )}
          </Fieldset>
        ))}
      </Section>

      <Section title={t('risk.matrix.riskLevels')} open={errorIn('matrix.riskLevels.')}>
        {riskLevelIds.map((id) => (
          <Fieldset key={id}>
            <Fieldset.Legend>{levelName(id)}</Fieldset.Legend>
            {text(`matrix.riskLevels.${id}.acceptance`, t('risk.matrix.acceptance'), input.riskLevels[id].acceptance, (v) => update((d) => void (d.riskLevels[id].acceptance = v)), true)}
            {text(`matrix.riskLevels.${id}.responseTime`, t('risk.matrix.responseTime'), input.riskLevels[id].responseTime, (v) => update((d) => void (d.riskLevels[id].responseTime = v)))}
          </Fieldset>
        ))}
      </Section>

      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {t('risk.matrix.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={() => onDone(false)}>
          {t('risk.matrix.cancel')}
        </Button>
      </div>
    </form>
  );
}

function Section({ title, open, children }: { title: string; open: boolean; children: ReactNode }) {
  return (
    <details open={open || undefined}>
      <summary>{title}</summary>
      <div className="stack">{children}</div>
    </details>
  );
}
