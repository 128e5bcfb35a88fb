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
/** A DOM id from a risk or measure id (they are [a-z0-9_-], so this only keeps them apart from others). */
const domId = (prefix: string, itemId: string | undefined) => (itemId ? `${prefix}-${itemId}` : prefix);

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

/** The municipality's own measures (optionally carrying out a common measure from the library): add one, or edit `editing`. */
export function AddMeasureForm({ page, editing }: { page: DpiaPage; editing?: MeasureDef }) {
  const t = useT();
  const save = useSaveDpia(page.dpia.id);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [kind, setKind] = useState<MeasureDef['kind']>(editing?.kind ?? 'organisational');
  const [status, setStatus] = useState<MeasureDef['status']>(editing?.status ?? 'planned');
  const [months, setMonths] = useState(String(editing?.due_months ?? 6));
  const [description, setDescription] = useState(editing?.description ?? '');
  const [urn, setUrn] = useState(editing?.measure_urn ?? '');
  const editIndex = editing ? page.added.measures.findIndex((m) => m.id === editing.id) : -1;
  const index = editing ? editIndex : page.added.measures.length;
  const ids = { title: domId('add-measure-title', editing?.id), kind: domId('add-measure-kind', editing?.id), urn: domId('add-measure-urn', editing?.id), status: domId('add-measure-status', editing?.id) };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const measure: MeasureDef = {
      id: editing?.id ?? nextId('k', page.view.measures.map((m) => m.id)),
      title,
      kind,
      status,
      ...(status === 'planned' ? { due_months: Number(months) || 12 } : {}),
      ...(description.trim() ? { description } : {}),
      measure_urn: urn || null,
    };
    const addedMeasures = editing ? page.added.measures.map((m, i) => (i === editIndex ? measure : m)) : [...page.added.measures, measure];
    save.mutate({ version: page.dpia.version, addedMeasures });
  };
  const fieldIds = { [`addedMeasures.${index}.title`]: ids.title, [`addedMeasures.${index}.measure_urn`]: ids.urn, addedMeasures: ids.title };
  return (
    <Details>
      <Details.Summary>{editing ? t('dpia.edit.measure', { measure: editing.id }) : t('dpia.add.measure')}</Details.Summary>
      <Details.Content>
        <form className="stack" onSubmit={submit} noValidate>
          <FormErrors error={save.error} fieldIds={fieldIds} />
          <Textfield id={ids.title} label={t('dpia.add.measureTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(save.error, `addedMeasures.${index}.title`)} />
          <Field>
            <Label htmlFor={ids.kind}>{t('dpia.add.kind')}</Label>
            <Select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as MeasureDef['kind'])}>
              <option value="technical">{t('dpia.add.kind.technical')}</option>
              <option value="organisational">{t('dpia.add.kind.organisational')}</option>
              <option value="legal">{t('dpia.add.kind.legal')}</option>
            </Select>
          </Field>
          <Fieldset>
            <Fieldset.Legend>{t('dpia.add.status')}</Fieldset.Legend>
            <Radio name={ids.status} value="planned" label={t('dpia.add.planned')} checked={status === 'planned'} onChange={() => setStatus('planned')} />
            <Radio name={ids.status} value="existing" label={t('dpia.measures.existing')} checked={status === 'existing'} onChange={() => setStatus('existing')} />
          </Fieldset>
          {status === 'planned' ? <Textfield label={t('dpia.add.months')} inputMode="numeric" value={months} onChange={(e) => setMonths(e.target.value)} /> : null}
          <Textfield label={t('dpia.add.description')} multiline rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
          <Field>
            <Label htmlFor={ids.urn}>{t('dpia.add.common')}</Label>
            <Select id={ids.urn} value={urn} onChange={(e) => setUrn(e.target.value)}>
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
              {editing ? t('dpia.edit.save') : t('dpia.add.save')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

function MeasureChoices({ legend, measures, chosen, onChange }: { legend: string; measures: MeasureDef[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  if (!measures.length) return null;
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {measures.map((m) => (
        <Checkbox key={m.id} value={m.id} label={`${m.id}: ${m.title}`} checked={chosen.includes(m.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, m.id] : chosen.filter((p) => p !== m.id))} />
      ))}
    </Fieldset>
  );
}

/**
 * A risk of the municipality's own, with its levels before and after and the measures that treat it: add one,
 * or edit `editing` (every field; what the form does not show, like the level justifications, is kept).
 */
export function AddRiskForm({ page, editing }: { page: DpiaPage; editing?: RiskItem }) {
  const t = useT();
  const save = useSaveDpia(page.dpia.id);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [impacts, setImpacts] = useState(editing?.impacts.join('\n') ?? '');
  const [threats, setThreats] = useState(editing?.threats.join('\n') ?? '');
  const [sources, setSources] = useState(editing?.sources.join('\n') ?? '');
  const [levels, setLevels] = useState(
    editing ? { s: editing.severity.value, l: editing.likelihood.value, rs: editing.residual.severity, rl: editing.residual.likelihood } : { s: 2, l: 2, rs: 2, rl: 1 },
  );
  const [justification, setJustification] = useState(editing?.residual.justification ?? '');
  const [existing, setExisting] = useState<string[]>(editing?.existing_measures ?? []);
  const [planned, setPlanned] = useState<string[]>(editing?.planned_measures ?? []);
  const editIndex = editing ? page.added.risks.findIndex((r) => r.id === editing.id) : -1;
  const index = editing ? editIndex : page.added.risks.length;
  const id = (name: string) => domId(`add-risk-${name}`, editing?.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const risk: RiskItem = {
      ...editing,
      id: editing?.id ?? nextId('lokal_', page.view.risks.map((r) => r.id)),
      title,
      impacts: lines(impacts),
      threats: lines(threats),
      sources: lines(sources),
      existing_measures: existing,
      planned_measures: planned,
      severity: { ...editing?.severity, value: levels.s },
      likelihood: { ...editing?.likelihood, value: levels.l },
      residual: { severity: levels.rs, likelihood: levels.rl, ...(justification.trim() ? { justification: justification.trim() } : {}) },
    };
    const addedRisks = editing ? page.added.risks.map((r, i) => (i === editIndex ? risk : r)) : [...page.added.risks, risk];
    save.mutate({ version: page.dpia.version, addedRisks });
  };
  const fieldIds = { [`addedRisks.${index}.title`]: id('title'), addedRisks: id('title') };
  const planMeasures = page.view.measures.filter((m) => m.status === 'planned' || planned.includes(m.id));
  const existingMeasures = page.view.measures.filter((m) => m.status === 'existing' || existing.includes(m.id));
  return (
    <Details>
      <Details.Summary>{editing ? t('dpia.edit.risk', { risk: editing.id }) : t('dpia.add.risk')}</Details.Summary>
      <Details.Content>
        <form className="stack" onSubmit={submit} noValidate>
          <FormErrors error={save.error} fieldIds={fieldIds} />
          <Textfield id={id('title')} label={t('dpia.add.riskTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(save.error, `addedRisks.${index}.title`)} />
          <Textfield label={t('dpia.add.impacts')} description={t('dpia.add.onePerLine')} multiline rows={2} value={impacts} onChange={(e) => setImpacts(e.target.value)} />
          <Textfield label={t('dpia.add.threats')} description={t('dpia.add.onePerLine')} multiline rows={2} value={threats} onChange={(e) => setThreats(e.target.value)} />
          <Textfield label={t('dpia.add.sources')} description={t('dpia.add.onePerLine')} multiline rows={2} value={sources} onChange={(e) => setSources(e.target.value)} />
          <div className="row">
            <LevelSelect id={id('s')} label={t('dpia.add.severity')} value={levels.s} onChange={(v) => setLevels({ ...levels, s: v })} />
            <LevelSelect id={id('l')} label={t('dpia.add.likelihood')} value={levels.l} onChange={(v) => setLevels({ ...levels, l: v })} />
            <LevelSelect id={id('rs')} label={t('dpia.add.residualSeverity')} value={levels.rs} onChange={(v) => setLevels({ ...levels, rs: v })} />
            <LevelSelect id={id('rl')} label={t('dpia.add.residualLikelihood')} value={levels.rl} onChange={(v) => setLevels({ ...levels, rl: v })} />
          </div>
          {editing ? <Textfield label={t('dpia.edit.residualJustification')} multiline rows={2} value={justification} onChange={(e) => setJustification(e.target.value)} /> : null}
          {editing ? <MeasureChoices legend={t('dpia.edit.existingMeasures')} measures={existingMeasures} chosen={existing} onChange={setExisting} /> : null}
          <MeasureChoices legend={t('dpia.add.plannedMeasures')} measures={planMeasures} chosen={planned} onChange={setPlanned} />
          <div>
            <Button type="submit" variant="secondary" disabled={save.isPending}>
              {editing ? t('dpia.edit.save') : t('dpia.add.save')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
