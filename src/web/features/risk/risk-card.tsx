import { Button, Card, Fieldset, Heading, List, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { RiskMatrix } from '../../../modules/risk/content';
import type { RiskDto } from '../../../modules/risk/contract';
import { fieldError, FormErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n';
import { useMeasures } from '../library/api';
import { ChoiceField } from '../systems/form-fields';
import { riskRequests, useAssessmentChange } from './api';
import { LevelTag } from './level-tag';

type ScoreField = 'likelihood' | 'consequence' | 'residualLikelihood' | 'residualConsequence';

/** One risk: its scores on the matrix (selects, so it works with keyboard and screen reader), measures and action plan. */
export function RiskCard({ assessmentId, risk, matrix, editable }: { assessmentId: string; risk: RiskDto; matrix: RiskMatrix; editable: boolean }) {
  const { t } = useI18n();
  const save = useAssessmentChange(assessmentId, riskRequests.updateRisk(assessmentId));
  const remove = useAssessmentChange(assessmentId, riskRequests.deleteRisk(assessmentId));
  const [scores, setScores] = useState<Record<ScoreField, string>>({
    likelihood: risk.likelihood ? String(risk.likelihood) : '',
    consequence: risk.consequence ? String(risk.consequence) : '',
    residualLikelihood: risk.residualLikelihood ? String(risk.residualLikelihood) : '',
    residualConsequence: risk.residualConsequence ? String(risk.residualConsequence) : '',
  });
  const [existing, setExisting] = useState(risk.existingMeasures ?? '');
  const prefix = `risk-${risk.number}`;
  const ids = { likelihood: `${prefix}-l`, consequence: `${prefix}-c`, residualLikelihood: `${prefix}-rl`, residualConsequence: `${prefix}-rc`, existingMeasures: `${prefix}-em` };
  const likelihoodOptions = matrix.likelihood.map((l) => ({ value: String(l.value), label: `${l.value} – ${l.name} (${l.frequency})` }));
  const consequenceOptions = matrix.consequence.map((c) => ({ value: String(c.value), label: `${c.value} – ${c.name}` }));
  const score = (field: ScoreField, label: string, options: { value: string; label: string }[]) => (
    <ChoiceField id={ids[field]} label={label} value={scores[field]} onChange={(v) => setScores((s) => ({ ...s, [field]: v }))} empty={t('risk.notScored')} options={options} error={fieldError(save.error, field)} />
  );
  const num = (v: string) => (v ? Number(v) : null);
  return (
    <Card>
      <Heading level={3} data-size="xs">
        R{risk.number}. {risk.title}
      </Heading>
      {risk.description ? <Paragraph data-size="sm">{risk.description}</Paragraph> : null}
      <div className="row">
        <span>
          {t('risk.before')}: <LevelTag level={risk.level} matrix={matrix} />
        </span>
        <span>
          {t('risk.after')}: <LevelTag level={risk.residualLevel} matrix={matrix} />
        </span>
      </div>
      {editable ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              riskId: risk.id,
              body: {
                likelihood: num(scores.likelihood),
                consequence: num(scores.consequence),
                residualLikelihood: num(scores.residualLikelihood),
                residualConsequence: num(scores.residualConsequence),
                existingMeasures: existing || null,
              },
            });
          }}
        >
          <FormErrors error={save.error} fieldIds={ids} />
          <Fieldset>
            <Fieldset.Legend>{`${t('risk.before')} – R${risk.number}`}</Fieldset.Legend>
            <div className="row">
              {score('likelihood', t('risk.likelihood'), likelihoodOptions)}
              {score('consequence', t('risk.consequence'), consequenceOptions)}
            </div>
            <Textfield id={ids.existingMeasures} label={t('risk.existingMeasures')} multiline rows={2} value={existing} onChange={(e) => setExisting(e.target.value)} />
          </Fieldset>
          <Fieldset>
            <Fieldset.Legend>{`${t('risk.after')} – R${risk.number}`}</Fieldset.Legend>
            <div className="row">
              {score('residualLikelihood', t('risk.residualLikelihood'), likelihoodOptions)}
              {score('residualConsequence', t('risk.residualConsequence'), consequenceOptions)}
            </div>
          </Fieldset>
          <div className="row">
            <Button type="submit" data-size="sm" loading={save.isPending}>
              {t('risk.saveRisk')}
            </Button>
            {save.isSuccess ? <span role="status">{t('risk.saved')}</span> : null}
            <Button type="button" data-size="sm" variant="tertiary" onClick={() => remove.mutate(risk.id)}>
              {t('risk.removeRisk')}
            </Button>
          </div>
        </form>
      ) : risk.existingMeasures ? (
        <Paragraph data-size="sm">
          {t('risk.existingMeasures')}: {risk.existingMeasures}
        </Paragraph>
      ) : null}
      <Measures assessmentId={assessmentId} risk={risk} editable={editable} />
    </Card>
  );
}

function Measures({ assessmentId, risk, editable }: { assessmentId: string; risk: RiskDto; editable: boolean }) {
  const { t } = useI18n();
  const add = useAssessmentChange(assessmentId, riskRequests.addMeasure(assessmentId));
  const remove = useAssessmentChange(assessmentId, riskRequests.deleteMeasure(assessmentId));
  const toPlan = useAssessmentChange(assessmentId, riskRequests.toActionPlan(assessmentId));
  const library = useMeasures();
  const [title, setTitle] = useState('');
  const [urn, setUrn] = useState('');
  const ids = { title: `risk-${risk.number}-measure`, measureUrn: `risk-${risk.number}-measure-urn` };
  return (
    <div className="stack">
      <Heading level={4} data-size="2xs">
        {t('risk.measures')}
      </Heading>
      {risk.measures.length ? (
        <List.Unordered>
          {risk.measures.map((m) => (
            <List.Item key={m.id}>
              {m.title}{' '}
              {m.actionId ? (
                <Tag data-color="success" data-size="sm">
                  {t('risk.inActionPlan')}
                </Tag>
              ) : (
                <Button data-size="sm" variant="secondary" onClick={() => toPlan.mutate(m.id)} loading={toPlan.isPending} aria-label={`${t('risk.toActionPlan')}: ${m.title}`}>
                  {t('risk.toActionPlan')}
                </Button>
              )}
              {editable && !m.actionId ? (
                <Button data-size="sm" variant="tertiary" onClick={() => remove.mutate(m.id)} aria-label={`${t('risk.removeMeasure')}: ${m.title}`}>
                  {t('risk.removeMeasure')}
                </Button>
              ) : null}
            </List.Item>
          ))}
        </List.Unordered>
      ) : (
        <Paragraph data-size="sm">{t('risk.measuresNone')}</Paragraph>
      )}
      <FormErrors error={toPlan.error ?? remove.error} fieldIds={{}} />
      {editable ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ riskId: risk.id, title, measureUrn: urn || null }, { onSuccess: () => (setTitle(''), setUrn('')) });
          }}
        >
          <Textfield id={ids.title} label={`${t('risk.measureTitle')} (R${risk.number})`} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(add.error, 'title')} />
          <ChoiceField
            id={ids.measureUrn}
            label={t('risk.measureUrn')}
            value={urn}
            onChange={setUrn}
            empty={t('risk.noMeasureUrn')}
            options={(library.data?.measures ?? []).map((m) => ({ value: m.urn, label: `${m.code} ${m.title}` }))}
            error={fieldError(add.error, 'measureUrn')}
          />
          <Button type="submit" data-size="sm" variant="secondary" loading={add.isPending} style={{ alignSelf: 'end' }}>
            {t('risk.addMeasure')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
