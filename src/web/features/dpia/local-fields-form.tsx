import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { DocumentView } from '../../../modules/dpia/document';
import { FormErrors, fieldError } from '../../components/form-errors';
import { useT } from '../../i18n';
import { useSaveDpia, type DpiaPage } from './api';
import { showValue } from './display';

type LocalField = DocumentView['localFields'][number];
const idOf = (path: string) => `local-${path.replace(/[^a-z0-9]+/gi, '-')}`;

/** The fields only the municipality can fill in, highlighted, saved together as a new version. */
export function LocalFieldsForm({ page, canEdit }: { page: DpiaPage; canEdit: boolean }) {
  const t = useT();
  const save = useSaveDpia(page.dpia.id);
  const fields = page.view.localFields.filter((f) => !f.workflow);
  const [values, setValues] = useState<Record<string, unknown>>(() => Object.fromEntries(fields.map((f) => [f.path, f.value])));
  const [changeNote, setChangeNote] = useState('');
  const fieldIds = Object.fromEntries(fields.map((f) => [`values.${f.path}`, idOf(f.path)]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changed = Object.fromEntries(fields.filter((f) => JSON.stringify(values[f.path] ?? null) !== JSON.stringify(f.value ?? null)).map((f) => [f.path, (values[f.path] ?? null) as string | null]));
    save.mutate({ version: page.dpia.version, values: changed, ...(changeNote.trim() ? { changeNote } : {}) });
  };
  const missing = page.view.missing.length;
  return (
    <section className="stack dpia-local" aria-labelledby="local-heading">
      <Heading level={2} id="local-heading" data-size="sm">
        {t('dpia.local.title')}
      </Heading>
      <Paragraph>{t('dpia.local.lead')}</Paragraph>
      {missing ? <Alert data-color="warning">{t('dpia.local.missing', { count: missing })}</Alert> : null}
      {canEdit ? (
        <form className="stack" onSubmit={submit} noValidate>
          <FormErrors error={save.error} fieldIds={fieldIds} />
          {fields.map((f) => (
            <FieldInput key={f.path} field={f} page={page} value={values[f.path]} onChange={(v) => setValues((all) => ({ ...all, [f.path]: v }))} error={fieldError(save.error, `values.${f.path}`)} />
          ))}
          <Textfield label={t('dpia.local.changeNote')} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />
          <div>
            <Button type="submit" disabled={save.isPending}>
              {t('dpia.local.save')}
            </Button>
          </div>
        </form>
      ) : (
        <dl className="stack">
          {page.view.localFields.map((f) => (
            <div key={f.path}>
              <dt>
                <strong>{f.prompt}</strong>
              </dt>
              <dd>{f.filled ? display(f, f.value, page) : f.workflow ? t('dpia.local.workflow') : t('dpia.local.empty')}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function display(f: LocalField, value: unknown, page: DpiaPage): string {
  if (f.input === 'system_ref') return page.options.systems.find((s) => s.id === value)?.name ?? showValue(value);
  if (f.input === 'person') return page.options.people.find((p) => p.id === value)?.name ?? showValue(value);
  if (f.choices) {
    const label = (v: unknown) => f.choices!.find((c) => c.value === v)?.label ?? showValue(v);
    return Array.isArray(value) ? value.map(label).join('; ') : label(value);
  }
  return showValue(value);
}

function FieldInput({ field, page, value, onChange, error }: { field: LocalField; page: DpiaPage; value: unknown; onChange: (v: unknown) => void; error: string | undefined }) {
  const t = useT();
  const id = idOf(field.path);
  switch (field.input) {
    case 'number':
      return <Textfield id={id} label={field.prompt} inputMode="numeric" value={value === null || value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} error={error} />;
    case 'choice':
      return (
        <Fieldset id={id}>
          <Fieldset.Legend>{field.prompt}</Fieldset.Legend>
          {(field.choices ?? []).map((c) => (
            <Radio key={String(c.value)} name={id} value={String(c.value)} label={c.label} checked={value === c.value} onChange={() => onChange(c.value)} />
          ))}
          {error ? <ValidationMessage>{error}</ValidationMessage> : null}
        </Fieldset>
      );
    case 'multiple_choice': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <Fieldset id={id}>
          <Fieldset.Legend>{field.prompt}</Fieldset.Legend>
          {(field.choices ?? []).map((c) => (
            <Checkbox
              key={String(c.value)}
              value={String(c.value)}
              label={c.label}
              checked={chosen.includes(String(c.value))}
              onChange={(e) => onChange(e.target.checked ? [...chosen, String(c.value)] : chosen.filter((v) => v !== String(c.value)))}
            />
          ))}
          {error ? <ValidationMessage>{error}</ValidationMessage> : null}
        </Fieldset>
      );
    }
    case 'system_ref':
    case 'person': {
      const options = field.input === 'system_ref' ? page.options.systems : page.options.people;
      return (
        <Field>
          <Label htmlFor={id}>{field.prompt}</Label>
          <Select id={id} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || null)} aria-invalid={error ? true : undefined}>
            <option value="">{t(field.input === 'system_ref' ? 'dpia.local.noSystem' : 'dpia.local.noPerson')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
          {error ? <ValidationMessage>{error}</ValidationMessage> : null}
        </Field>
      );
    }
    default:
      return <Textfield id={id} label={field.prompt} multiline rows={3} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} error={error} />;
  }
}
