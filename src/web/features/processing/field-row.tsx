import { Button, Details, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import type { EntryDetailDto, FieldViewDto } from '../../../modules/processing/contract';
import type { FieldValue } from '../../../modules/processing/fields';
import { FormErrors, fieldError } from '../../components/form-errors';
import { useI18n } from '../../i18n';
import { useUpdateEntry, type MeasureTitles } from './api';
import { FieldValueView, label, SourceTag } from './display';
import { FieldEditor } from './field-editor';

/**
 * One field of an entry: its value, where it comes from (visibly), and — for those who may edit — override
 * or change it, or go back to the national value. The national text stays one click away when overridden.
 */
export function FieldRow({
  entry,
  field,
  measures,
  canEdit: mayEdit,
  areaName = (id) => id,
}: {
  entry: EntryDetailDto;
  field: FieldViewDto;
  measures: MeasureTitles;
  canEdit: boolean;
  areaName?: (id: string) => string;
}) {
  const { t, language } = useI18n();
  // The service area is chosen when an entry is created; it is not free text to type.
  const canEdit = mayEdit && field.key !== 'service_area';
  const update = useUpdateEntry(entry.id);
  const [editing, setEditing] = useState(false);
  // Keyboard and screen-reader users land in the editor when it opens, and back on the field when it closes.
  const editorRef = useRef<HTMLDivElement>(null);
  const rowRef = useRef<HTMLDivElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (editing) editorRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    else if (opened.current) rowRef.current?.focus();
    opened.current = editing;
  }, [editing]);
  const [draft, setDraft] = useState<FieldValue>(field.value);
  const fromTemplate = entry.kind === 'template' && field.source !== 'local';
  const save = (value: FieldValue) =>
    update.mutate(
      { version: entry.version, values: { [field.key]: value } },
      {
        onSuccess: () => setEditing(false),
      },
    );
  const name = label(field.key, language);
  return (
    <div ref={rowRef} tabIndex={-1} id={`field-${field.key}`} className="stack" style={{ paddingBlock: 'var(--ds-size-2)', borderBottom: '1px solid var(--ds-color-neutral-border-subtle)' }}>
      <div className="row" style={{ alignItems: 'center' }}>
        <strong>{name}</strong>
        <SourceTag field={field} templateVersion={entry.templateVersion} />
        {field.uncertain ? (
          <Tag data-color="neutral" data-size="sm" title={field.uncertain}>
            {t('processing.uncertain')}
          </Tag>
        ) : null}
        {canEdit && !editing ? (
          <>
            <Button
              data-size="sm"
              variant="tertiary"
              onClick={() => {
                setDraft(field.value);
                setEditing(true);
              }}
              aria-label={`${fromTemplate && field.source !== 'override' ? t('processing.edit.override') : t('processing.edit.change')}: ${name}`}
            >
              {fromTemplate && field.source !== 'override' ? t('processing.edit.override') : t('processing.edit.change')}
            </Button>
            {field.source === 'override' ? (
              <Button data-size="sm" variant="tertiary" onClick={() => save(null)} disabled={update.isPending} aria-label={`${t('processing.edit.reset')}: ${name}`}>
                {t('processing.edit.reset')}
              </Button>
            ) : null}
          </>
        ) : null}
      </div>
      {editing ? (
        <div className="stack" ref={editorRef}>
          <FormErrors error={update.error} fieldIds={{ [`values.${field.key}`]: `edit-${field.key}` }} />
          <FieldEditor
            fieldKey={field.key}
            id={`edit-${field.key}`}
            value={draft}
            onChange={setDraft}
            error={fieldError(update.error, `values.${field.key}`)}
            measures={measures}
            suggestedMeasures={Array.isArray(field.templateValue) ? field.templateValue : []}
          />
          <div className="row">
            <Button data-size="sm" onClick={() => save(draft)} disabled={update.isPending}>
              {t('processing.edit.save', { field: name })}
            </Button>
            <Button data-size="sm" variant="tertiary" onClick={() => setEditing(false)}>
              {t('app.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <FieldValueView fieldKey={field.key} value={field.key === 'service_area' && typeof field.value === 'string' ? areaName(field.value) : field.value} measures={measures} />
      )}
      {field.uncertain ? <Paragraph data-size="sm" className="muted">{t('processing.uncertainWhy', { reason: field.uncertain })}</Paragraph> : null}
      {field.source === 'override' && field.templateValue !== undefined ? (
        <Details>
          <Details.Summary>{t('processing.edit.nationalText', { version: entry.templateVersion ?? '' })}</Details.Summary>
          <Details.Content>
            <FieldValueView fieldKey={field.key} value={field.templateValue} measures={measures} />
          </Details.Content>
        </Details>
      ) : null}
      {!editing && update.error ? <FormErrors error={update.error} fieldIds={{}} /> : null}
    </div>
  );
}
