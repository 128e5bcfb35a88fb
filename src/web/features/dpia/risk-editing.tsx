import { Button, Details, Field, Fieldset, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { Scales } from '../../../modules/dpia/content';
import type { RiskView } from '../../../modules/dpia/document';
import { FormErrors, fieldError } from '../../components/form-errors';
import { useT, type MessageKey } from '../../i18n';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useRemoveAdded, useRiskLevels, type DpiaPage } from './api';

type Scale = Scales['severity'];
const fallbackScale: Scale = [1, 2, 3, 4].map((value) => ({ value, name: '', description: '' }));
const levelKeys = ['severity', 'likelihood', 'residualSeverity', 'residualLikelihood'] as const;
type LevelKey = (typeof levelKeys)[number];

function ScaleSelect({ id, label, scale, value, error, onChange }: { id: string; label: string; scale: Scale; value: number; error: string | undefined; onChange: (v: number) => void }) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={String(value)} onChange={(e) => onChange(Number(e.target.value))} aria-invalid={error ? true : undefined}>
        {scale.map((s) => (
          <option key={s.value} value={s.value}>
            {s.name ? `${s.value} ${s.name}` : s.value}
          </option>
        ))}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}

/**
 * The levels of one risk (template or own) on the DPIA's scales, before measures and after: folded until
 * wanted, saved as a new version. The resulting risk level is shown in words as the person chooses.
 */
export function RiskLevelsForm({ page, risk, scales }: { page: DpiaPage; risk: RiskView; scales: Scales | undefined }) {
  const t = useT();
  const save = useRiskLevels(page.dpia.id, risk.id);
  const [levels, setLevels] = useState<Record<LevelKey, number>>({
    severity: risk.severity,
    likelihood: risk.likelihood,
    residualSeverity: risk.residualSeverity,
    residualLikelihood: risk.residualLikelihood,
  });
  const [justification, setJustification] = useState(risk.justification ?? '');
  const id = (key: string) => `levels-${risk.id}-${key}`;
  const fieldIds = Object.fromEntries([...levelKeys, 'justification'].map((k) => [k, id(k)]));
  const severity = scales?.severity ?? fallbackScale;
  const likelihood = scales?.likelihood ?? fallbackScale;
  const levelName = (s: number, l: number) => {
    const level = scales?.cells[String(l)]?.[s - 1];
    return level ? t(`dpia.level.${level}` as MessageKey) : `${s}×${l}`;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changedJustification = justification.trim() !== (risk.justification ?? '');
    save.mutate({ version: page.dpia.version, ...levels, ...(changedJustification ? { justification: justification.trim() } : {}) });
  };
  const select = (key: LevelKey, label: string, scale: Scale) => (
    <ScaleSelect id={id(key)} label={label} scale={scale} value={levels[key]} error={fieldError(save.error, key)} onChange={(v) => setLevels((all) => ({ ...all, [key]: v }))} />
  );
  return (
    <Details>
      <Details.Summary>{t('dpia.edit.levels', { risk: risk.id })}</Details.Summary>
      <Details.Content>
        <form className="stack" onSubmit={submit} noValidate>
          <Paragraph data-size="sm">{t('dpia.edit.levelsHelp')}</Paragraph>
          <FormErrors error={save.error} fieldIds={fieldIds} />
          <Fieldset>
            <Fieldset.Legend>{t('dpia.edit.before')}</Fieldset.Legend>
            <div className="row">
              {select('severity', t('dpia.edit.severity'), severity)}
              {select('likelihood', t('dpia.edit.likelihood'), likelihood)}
            </div>
          </Fieldset>
          {risk.notes.length ? <Paragraph data-size="sm">{t('dpia.edit.factNote')}</Paragraph> : null}
          <Fieldset>
            <Fieldset.Legend>{t('dpia.edit.after')}</Fieldset.Legend>
            <div className="row">
              {select('residualSeverity', t('dpia.edit.severity'), severity)}
              {select('residualLikelihood', t('dpia.edit.likelihood'), likelihood)}
            </div>
          </Fieldset>
          <Paragraph data-size="sm" aria-live="polite">
            {t('dpia.edit.preview', { before: levelName(levels.severity, levels.likelihood), after: levelName(levels.residualSeverity, levels.residualLikelihood) })}
          </Paragraph>
          <Textfield id={id('justification')} label={t('dpia.edit.justification')} multiline rows={2} value={justification} onChange={(e) => setJustification(e.target.value)} error={fieldError(save.error, 'justification')} />
          <div>
            <Button type="submit" variant="secondary" disabled={save.isPending}>
              {t('dpia.edit.saveLevels')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

/** Removing one of the municipality's own risks or measures, after a confirmation; a refusal shows in the dialog. */
export function RemoveAdded({ page, kind, itemId, title }: { page: DpiaPage; kind: 'risks' | 'measures'; itemId: string; title: string }) {
  const t = useT();
  const remove = useRemoveAdded(page.dpia.id, kind, itemId);
  const label = kind === 'risks' ? t('dpia.edit.removeRisk', { risk: itemId }) : t('dpia.edit.removeMeasure', { measure: itemId });
  return (
    <div>
      <ConfirmDialog
        headingId={`remove-${kind}-${itemId}-heading`}
        trigger={{ label, danger: true, small: true }}
        title={label}
        confirm={{ label: t('dpia.edit.remove'), danger: true }}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(page.dpia.version)}
      >
        <Paragraph>{kind === 'risks' ? t('dpia.edit.removeRiskConfirm', { title }) : t('dpia.edit.removeMeasureConfirm', { title })}</Paragraph>
      </ConfirmDialog>
    </div>
  );
}
