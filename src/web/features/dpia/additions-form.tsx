import { Button, Checkbox, Details, Field, Fieldset, Label, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { MeasureDef, RiskItem } from '../../../modules/dpia/model';
import { FormErrors, fieldError } from '../../components/form-errors';
import { useT } from '../../i18n';
import { useSaveDpia, type DpiaPage } from './api';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const nextId = (prefix: string, taken: string[]) => {
  for (let n = 1; ; n++) {
    const id = `${prefix}${String(n).padStart(2, '0')}`;
    if (!taken.includes(id)) return id;
  }
};

function LevelSelect({ id, label, value, onChange }: { id: string; label: string; value: number; onChange: (v: number) => void }) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={String(value)} onChange={(e) => onChange(Number(e.target.value))}>
        {[1, 2, 3, 4].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The municipality's own measures (optionally carrying out a common measure from the library). */
export function AddMeasureForm({ page }: { page: DpiaPage }) {
  const t = useT();
  const save = useSaveDpia(page.dpia.id);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MeasureDef['kind']>('organisational');
  const [status, setStatus] = useState<MeasureDef['status']>('planned');
  const [months, setMonths] = useState('6');
  const [description, setDescription] = useState('');
  const [urn, setUrn] = useState('');
  const index = page.added.measures.length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const measure: MeasureDef = {
      id: nextId('k', page.view.measures.map((m) => m.id)),
      title,
      kind,
      status,
      ...(status === 'planned' ? { due_months: Number(months) || 12 } : {}),
      ...(description.trim() ? { description } : {}),
      measure_urn: urn || null,
    };
    save.mutate({ version: page.dpia.version, addedMeasures: [...page.added.measures, measure] });
  };
  const fieldIds = { [`addedMeasures.${index}.title`]: 'add-measure-title', [`addedMeasures.${index}.measure_urn`]: 'add-measure-urn', addedMeasures: 'add-measure-title' };
  return (
    <Details>
      <Details.Summary>{t('dpia.add.measure')}</Details.Summary>
      <Details.Content>
        <form className="stack" onSubmit={submit} noValidate>
          <FormErrors error={save.error} fieldIds={fieldIds} />
          <Textfield id="add-measure-title" label={t('dpia.add.measureTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(save.error, `addedMeasures.${index}.title`)} />
          <Field>
            <Label htmlFor="add-measure-kind">{t('dpia.add.kind')}</Label>
            <Select id="add-measure-kind" value={kind} onChange={(e) => setKind(e.target.value as MeasureDef['kind'])}>
              <option value="technical">{t('dpia.add.kind.technical')}</option>
              <option value="organisational">{t('dpia.add.kind.organisational')}</option>
              <option value="legal">{t('dpia.add.kind.legal')}</option>
            </Select>
          </Field>
          <Fieldset>
            <Fieldset.Legend>{t('dpia.add.status')}</Fieldset.Legend>
            <Radio name="add-measure-status" value="planned" label={t('dpia.add.planned')} checked={status === 'planned'} onChange={() => setStatus('planned')} />
            <Radio name="add-measure-status" value="existing" label={t('dpia.measures.existing')} checked={status === 'existing'} onChange={() => setStatus('existing')} />
          </Fieldset>
          {status === 'planned' ? <Textfield label={t('dpia.add.months')} inputMode="numeric" value={months} onChange={(e) => setMonths(e.target.value)} /> : null}
          <Textfield label={t('dpia.add.description')} multiline rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
          <Field>
            <Label htmlFor="add-measure-urn">{t('dpia.add.common')}</Label>
            <Select id="add-measure-urn" value={urn} onChange={(e) => setUrn(e.target.value)}>
              <option value="">{t('dpia.add.noCommon')}</option>
              {page.options.measures.map((m) => (
                <option key={m.urn} value={m.urn}>
                  {m.code} {m.title}
                </option>
              ))}
            </Select>
          </Field>
          <div>
            <Button type="submit" variant="secondary" disabled={save.isPending}>
              {t('dpia.add.save')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

/** A risk of the municipality's own, with its levels before and after and the measures that treat it. */
export function AddRiskForm({ page }: { page: DpiaPage }) {
  const t = useT();
  const save = useSaveDpia(page.dpia.id);
  const [title, setTitle] = useState('');
  const [impacts, setImpacts] = useState('');
  const [threats, setThreats] = useState('');
  const [sources, setSources] = useState('');
  const [levels, setLevels] = useState({ s: 2, l: 2, rs: 2, rl: 1 });
  const [planned, setPlanned] = useState<string[]>([]);
  const index = page.added.risks.length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const risk: RiskItem = {
      id: nextId('lokal_', page.view.risks.map((r) => r.id)),
      title,
      impacts: lines(impacts),
      threats: lines(threats),
      sources: lines(sources),
      existing_measures: [],
      planned_measures: planned,
      severity: { value: levels.s },
      likelihood: { value: levels.l },
      residual: { severity: levels.rs, likelihood: levels.rl },
    };
    save.mutate({ version: page.dpia.version, addedRisks: [...page.added.risks, risk] });
  };
  const fieldIds = { [`addedRisks.${index}.title`]: 'add-risk-title', addedRisks: 'add-risk-title' };
  const planMeasures = page.view.measures.filter((m) => m.status === 'planned');
  return (
    <Details>
      <Details.Summary>{t('dpia.add.risk')}</Details.Summary>
      <Details.Content>
        <form className="stack" onSubmit={submit} noValidate>
          <FormErrors error={save.error} fieldIds={fieldIds} />
          <Textfield id="add-risk-title" label={t('dpia.add.riskTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(save.error, `addedRisks.${index}.title`)} />
          <Textfield label={t('dpia.add.impacts')} description={t('dpia.add.onePerLine')} multiline rows={2} value={impacts} onChange={(e) => setImpacts(e.target.value)} />
          <Textfield label={t('dpia.add.threats')} description={t('dpia.add.onePerLine')} multiline rows={2} value={threats} onChange={(e) => setThreats(e.target.value)} />
          <Textfield label={t('dpia.add.sources')} description={t('dpia.add.onePerLine')} multiline rows={2} value={sources} onChange={(e) => setSources(e.target.value)} />
          <div className="row">
            <LevelSelect id="add-risk-s" label={t('dpia.add.severity')} value={levels.s} onChange={(v) => setLevels({ ...levels, s: v })} />
            <LevelSelect id="add-risk-l" label={t('dpia.add.likelihood')} value={levels.l} onChange={(v) => setLevels({ ...levels, l: v })} />
            <LevelSelect id="add-risk-rs" label={t('dpia.add.residualSeverity')} value={levels.rs} onChange={(v) => setLevels({ ...levels, rs: v })} />
            <LevelSelect id="add-risk-rl" label={t('dpia.add.residualLikelihood')} value={levels.rl} onChange={(v) => setLevels({ ...levels, rl: v })} />
          </div>
          {planMeasures.length ? (
            <Fieldset>
              <Fieldset.Legend>{t('dpia.add.plannedMeasures')}</Fieldset.Legend>
              {planMeasures.map((m) => (
                <Checkbox
                  key={m.id}
                  value={m.id}
                  label={`${m.id}: ${m.title}`}
                  checked={planned.includes(m.id)}
                  onChange={(e) => setPlanned(e.target.checked ? [...planned, m.id] : planned.filter((p) => p !== m.id))}
                />
              ))}
            </Fieldset>
          ) : null}
          <div>
            <Button type="submit" variant="secondary" disabled={save.isPending}>
              {t('dpia.add.save')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
