import { Alert, Button, Card, Checkbox, Field, Fieldset, Heading, Label, List, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { ServiceAreaDto, TemplateContent, UncertainNote } from '../../../modules/processing/contract';
import { fieldDefs, fieldGroups, type FieldKey, type FieldValue } from '../../../modules/processing/fields';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { useNationalTemplate, usePublishTemplate, type MeasureTitles, type NationalTemplate } from './api';
import { areaTitle, FieldValueView, label } from './display';
import { FieldEditor } from './field-editor';

/**
 * The fellesforvalter edits a template and publishes it as a new version; every municipality that adopted
 * it gets a proposal. Others in the national team read it.
 */
export default function NationalTemplatePage() {
  const { slug = '' } = useParams();
  const { t, formatDate } = useI18n();
  const template = useNationalTemplate(slug);
  const publish = usePublishTemplate(slug);
  return (
    <QueryState query={template}>
      {(data) => (
        <Page title={data.template.name} lead={t('processing.national.templateLead', { version: data.template.version })}>
          <Paragraph>
            <Link to="/nasjonalt/behandlingsmaler">{t('processing.national.back')}</Link> · <a href={`/api/processing/national/templates/${slug}/yaml`} download>{t('processing.national.yaml')}</a>
          </Paragraph>
          {publish.isSuccess ? (
            <Alert data-color="success">{t('processing.national.published', { version: publish.data.version, count: publish.data.proposals })}</Alert>
          ) : null}
          {data.policies.publishTemplates ? (
            <TemplateForm key={data.template.version} template={data.template} areas={data.serviceAreas} measures={data.measures} publish={publish} />
          ) : (
            <ReadOnly template={data.template} measures={data.measures} />
          )}
          <section className="stack" aria-labelledby="history-heading">
            <Heading level={2} data-size="sm" id="history-heading">
              {t('processing.national.history')}
            </Heading>
            <List.Unordered>
              {data.history.map((h) => (
                <List.Item key={h.version}>
                  v{h.version} · {formatDate(h.publishedAt, true)} · {h.changeNote ?? t(h.origin === 'content' ? 'processing.national.fromContent' : 'processing.national.fromEditor')}
                </List.Item>
              ))}
            </List.Unordered>
          </section>
        </Page>
      )}
    </QueryState>
  );
}

function ReadOnly({ template, measures }: { template: NationalTemplate; measures: MeasureTitles }) {
  const { language } = useI18n();
  return (
    <dl className="facts">
      {fieldDefs.map((d) => (
        <div key={d.key} style={{ display: 'contents' }}>
          <dt>{label(d.key, language)}</dt>
          <dd>
            <FieldValueView fieldKey={d.key} value={template.content[d.key]} measures={measures} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function TemplateForm({ template, areas, measures, publish }: { template: NationalTemplate; areas: ServiceAreaDto[]; measures: MeasureTitles; publish: ReturnType<typeof usePublishTemplate> }) {
  const { t, language } = useI18n();
  const [content, setContent] = useState<TemplateContent>(template.content);
  const [localFields, setLocalFields] = useState<string[]>(template.localFields);
  const [uncertain, setUncertain] = useState<UncertainNote[]>(template.uncertain);
  const [changeNote, setChangeNote] = useState('');
  const fieldIds: Record<string, string> = { localFields: 'tpl-local-fields', changeNote: 'tpl-change-note' };
  for (const d of fieldDefs) fieldIds[`content.${d.key}`] = `tpl-${d.key}`;
  const set = (key: FieldKey, value: FieldValue) => setContent((c) => ({ ...c, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate({ baseVersion: template.version, content, localFields: localFields as FieldKey[], uncertain, changeNote });
  };
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <FormErrors error={publish.error} fieldIds={fieldIds} />
      {fieldGroups.map((group) => (
        <Card key={group}>
          <div className="stack">
            <Heading level={2} data-size="sm">
              {t(`processing.group.${group}` as MessageKey)}
            </Heading>
            {fieldDefs
              .filter((d) => d.group === group)
              .map((d) =>
                d.key === 'service_area' ? (
                  <Field key={d.key}>
                    <Label htmlFor="tpl-service_area">{label(d.key, language)}</Label>
                    <Select id="tpl-service_area" value={String(content.service_area ?? '')} onChange={(e) => set('service_area', e.target.value)}>
                      {areas.map((a) => (
                        <option key={a.id} value={a.id}>
                          {areaTitle(areas, a.id, language)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ) : (
                  <FieldEditor
                    key={d.key}
                    fieldKey={d.key}
                    id={`tpl-${d.key}`}
                    value={content[d.key] ?? null}
                    onChange={(value) => set(d.key, value)}
                    error={fieldError(publish.error, `content.${d.key}`)}
                    measures={measures}
                    suggestedMeasures={Array.isArray(template.content.security_measures) ? template.content.security_measures : []}
                  />
                ),
              )}
          </div>
        </Card>
      ))}
      <Card>
        <Fieldset id="tpl-local-fields">
          <Fieldset.Legend>{t('processing.national.localFieldsLegend')}</Fieldset.Legend>
          <Fieldset.Description>{t('processing.national.localFieldsHelp')}</Fieldset.Description>
          {fieldDefs
            .filter((d) => d.scope !== 'org')
            .map((d) => (
              <Checkbox
                key={d.key}
                label={label(d.key, language)}
                value={d.key}
                checked={localFields.includes(d.key)}
                onChange={(e) => setLocalFields((list) => (e.target.checked ? [...list, d.key] : list.filter((k) => k !== d.key)))}
              />
            ))}
        </Fieldset>
      </Card>
      <Card>
        <div className="stack">
          <Heading level={2} data-size="sm">
            {t('processing.national.uncertain')}
          </Heading>
          {uncertain.map((note, index) => (
            <div key={index} className="row">
              <Field>
                <Label htmlFor={`tpl-uncertain-field-${index}`}>{t('processing.national.uncertainField')}</Label>
                <Select id={`tpl-uncertain-field-${index}`} value={note.field} onChange={(e) => setUncertain((list) => list.map((n, i) => (i === index ? { ...n, field: e.target.value } : n)))}>
                  {fieldDefs.map((d) => (
                    <option key={d.key} value={d.key}>
                      {label(d.key, language)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Textfield
                label={t('processing.national.uncertainReason')}
                value={note.reason}
                onChange={(e) => setUncertain((list) => list.map((n, i) => (i === index ? { ...n, reason: e.target.value } : n)))}
              />
              <Button variant="tertiary" data-size="sm" onClick={() => setUncertain((list) => list.filter((_, i) => i !== index))}>
                {t('processing.national.removeNote', { n: index + 1 })}
              </Button>
            </div>
          ))}
          <div>
            <Button variant="secondary" data-size="sm" onClick={() => setUncertain((list) => [...list, { field: 'retention_legal_basis', reason: '' }])}>
              {t('processing.national.addNote')}
            </Button>
          </div>
        </div>
      </Card>
      <Card>
        <div className="stack">
          <Heading level={2} data-size="sm">
            {t('processing.national.publishTitle', { version: template.version + 1 })}
          </Heading>
          <Paragraph>{t('processing.national.publishHelp')}</Paragraph>
          <Textfield id="tpl-change-note" label={t('processing.national.changeNote')} multiline rows={3} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} error={fieldError(publish.error, 'changeNote')} />
          <div>
            <Button type="submit" disabled={publish.isPending}>
              {t('processing.national.publish', { version: template.version + 1 })}
            </Button>
          </div>
        </div>
      </Card>
    </form>
  );
}
