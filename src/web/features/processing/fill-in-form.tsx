import { Alert, Button, Card, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { EntryDetailDto, ProcessorLink } from '../../../modules/processing/contract';
import type { DpiaValue, FieldValue } from '../../../modules/processing/fields';
import { FormErrors, fieldError } from '../../components/form-errors';
import { useI18n } from '../../i18n';
import { useLinkOptions, useUpdateEntry, type MeasureTitles } from './api';
import { FieldEditor } from './field-editor';
import { ProcessorsEditor, SystemsEditor } from './links-editor';

/**
 * "Dette fyller dere ut": the fields the template marks for the municipality (or the art. 30 minimum of its
 * own activity), its systems and processors, and whether a DPIA is recorded — in one form, saved together.
 */
export function FillInForm({ entry, measures }: { entry: EntryDetailDto; measures: MeasureTitles }) {
  const { t } = useI18n();
  const options = useLinkOptions();
  const update = useUpdateEntry(entry.id);
  // The service area is chosen when the entry is created; systems and processors have their own editors.
  const required = entry.fields.filter((f) => f.required && !['systems', 'processors', 'service_area'].includes(f.key));
  const [values, setValues] = useState<Record<string, FieldValue>>(() => Object.fromEntries(required.map((f) => [f.key, f.source === 'local' || f.source === 'override' ? f.value : null])));
  const [systemIds, setSystemIds] = useState(entry.systems.map((s) => s.id));
  const [systemsNone, setSystemsNone] = useState(entry.systemsNone);
  const [processors, setProcessors] = useState<ProcessorLink[]>(entry.processors.map((p) => ({ vendorId: p.vendorId, dpaInPlace: p.dpaInPlace, dpaDate: p.dpaDate })));
  const [processorsNone, setProcessorsNone] = useState(entry.processorsNone);
  const [dpiaRecorded, setDpiaRecorded] = useState(entry.dpiaRecorded);
  const [dpiaReference, setDpiaReference] = useState(entry.dpiaReference ?? '');
  const dpiaLikely = (entry.fields.find((f) => f.key === 'dpia')?.value as DpiaValue | null)?.likely === true;
  const needsSystems = entry.fields.some((f) => f.key === 'systems' && f.required);
  const needsProcessors = entry.fields.some((f) => f.key === 'processors' && f.required);
  const fieldIds: Record<string, string> = { systemIds: 'fill-systems', processors: 'fill-processors', dpiaReference: 'fill-dpia-reference' };
  for (const f of required) fieldIds[`values.${f.key}`] = `fill-${f.key}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      version: entry.version,
      values: Object.fromEntries(required.map((f) => [f.key, values[f.key] ?? null])),
      ...(needsSystems ? { systemIds, systemsNone } : {}),
      ...(needsProcessors ? { processors, processorsNone } : {}),
      ...(dpiaLikely ? { dpiaRecorded, dpiaReference: dpiaReference.trim() || null } : {}),
    });
  };

  return (
    <Card>
      <form onSubmit={submit} className="stack" noValidate aria-labelledby="fill-heading">
        <Heading level={2} data-size="sm" id="fill-heading">
          {t('processing.fill.title')}
        </Heading>
        <Paragraph>{entry.kind === 'template' ? t('processing.fill.leadTemplate', { count: entry.fields.filter((f) => f.required).length }) : t('processing.fill.leadLocal')}</Paragraph>
        <FormErrors error={update.error} fieldIds={fieldIds} />
        {update.isSuccess ? <Alert data-color="success">{t('app.saved')}</Alert> : null}
        {required.map((f) => (
          <div key={f.key} id={`field-${f.key}`}>
            <FieldEditor
              fieldKey={f.key}
              id={`fill-${f.key}`}
              value={values[f.key] ?? null}
              onChange={(value) => setValues((v) => ({ ...v, [f.key]: value }))}
              error={fieldError(update.error, `values.${f.key}`)}
              measures={measures}
              suggestedMeasures={Array.isArray(f.templateValue) ? f.templateValue : []}
            />
          </div>
        ))}
        {needsSystems ? (
          <div id="field-systems">
            <SystemsEditor
              id="fill-systems"
              options={options.data?.systems ?? []}
              selected={systemIds}
              none={systemsNone}
              onChange={(selected, none) => {
                setSystemIds(selected);
                setSystemsNone(none);
              }}
              error={fieldError(update.error, 'systemIds')}
            />
          </div>
        ) : null}
        {needsProcessors ? (
          <div id="field-processors">
            <ProcessorsEditor
              id="fill-processors"
              vendors={options.data?.vendors ?? []}
              links={processors}
              none={processorsNone}
              onChange={(links, none) => {
                setProcessors(links);
                setProcessorsNone(none);
              }}
              error={fieldError(update.error, 'processors')}
            />
          </div>
        ) : null}
        {dpiaLikely ? (
          <div className="stack" id="field-dpia-recorded">
            <Checkbox label={t('processing.fill.dpiaRecorded')} description={t('processing.fill.dpiaHelp')} value="dpia" checked={dpiaRecorded} onChange={(e) => setDpiaRecorded(e.target.checked)} />
            {dpiaRecorded ? (
              <Textfield id="fill-dpia-reference" label={t('processing.fill.dpiaReference')} value={dpiaReference} onChange={(e) => setDpiaReference(e.target.value)} error={fieldError(update.error, 'dpiaReference')} />
            ) : null}
          </div>
        ) : null}
        <div>
          <Button type="submit" disabled={update.isPending}>
            {t('processing.fill.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
