import { Alert, Button, Card, Checkbox, Details, Field, Heading, Label, List, Paragraph, Select, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CatalogueTemplateDto } from '../../../modules/processing/contract';
import { fieldDefs, isFilled } from '../../../modules/processing/fields';
import { FormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { useAdopt, useCatalogue, type MeasureTitles } from './api';
import { areaTitle, FieldValueView, label } from './display';

/** "Ta i bruk maler": choose a service area, see what each template prefills, adopt one, some or all. */
export default function AdoptPage() {
  const { t, language } = useI18n();
  const [area, setArea] = useState('oppvekst');
  const [selected, setSelected] = useState<string[]>([]);
  const catalogue = useCatalogue(area);
  const adopt = useAdopt();
  const chooseArea = (next: string) => {
    setArea(next);
    setSelected([]);
    adopt.reset();
  };
  return (
    <Page title={t('processing.adopt.title')} lead={t('processing.adopt.lead')}>
      <Paragraph>
        <Link to="/behandlingsprotokoll">{t('processing.backToRecord')}</Link>
      </Paragraph>
      <QueryState query={catalogue}>
        {(data) => {
          const available = data.templates.filter((tpl) => !tpl.adoptedEntryId);
          return (
            <>
              <Field>
                <Label htmlFor="adopt-area">{t('processing.adopt.area')}</Label>
                <Select id="adopt-area" value={area} onChange={(e) => chooseArea(e.target.value)}>
                  {data.serviceAreas.map((a) => (
                    <option key={a.id} value={a.id}>
                      {areaTitle(data.serviceAreas, a.id, language)}
                    </option>
                  ))}
                </Select>
              </Field>
              <FormErrors error={adopt.error} fieldIds={{}} />
              {adopt.isSuccess ? (
                <Alert data-color="success">
                  <Heading level={2} data-size="xs">
                    {t('processing.adopt.done', { count: adopt.data.created.length })}
                  </Heading>
                  <Paragraph>{t('processing.adopt.doneNext')}</Paragraph>
                  <List.Unordered>
                    {adopt.data.created.map((c) => (
                      <List.Item key={c.id}>
                        <Link to={`/behandlingsprotokoll/${c.id}`}>{data.templates.find((tpl) => tpl.urn === c.templateUrn)?.name ?? c.templateUrn}</Link>
                      </List.Item>
                    ))}
                  </List.Unordered>
                </Alert>
              ) : null}
              <div className="row">
                <Button onClick={() => adopt.mutate({ serviceArea: area })} disabled={adopt.isPending || available.length === 0}>
                  {t('processing.adopt.wholeArea', { count: available.length })}
                </Button>
                <Button variant="secondary" onClick={() => adopt.mutate({ templateUrns: selected })} disabled={adopt.isPending || selected.length === 0}>
                  {t('processing.adopt.selected', { count: selected.length })}
                </Button>
              </div>
              <div className="stack">
                {data.templates.map((tpl) => (
                  <TemplateCard
                    key={tpl.urn}
                    template={tpl}
                    measures={data.measures}
                    checked={selected.includes(tpl.urn)}
                    onToggle={(on) => setSelected((list) => (on ? [...list, tpl.urn] : list.filter((u) => u !== tpl.urn)))}
                  />
                ))}
              </div>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

function TemplateCard({ template, measures, checked, onToggle }: { template: CatalogueTemplateDto; measures: MeasureTitles; checked: boolean; onToggle: (on: boolean) => void }) {
  const { t, language } = useI18n();
  const prefilled = fieldDefs.filter((d) => !template.localFields.includes(d.key) && d.scope === 'national' && isFilled(d.type, template.content[d.key]));
  return (
    <Card>
      <div className="stack">
        {template.adoptedEntryId ? (
          <Heading level={2} data-size="xs">
            {template.name}
          </Heading>
        ) : (
          <Checkbox label={<strong>{template.name}</strong>} checked={checked} onChange={(e) => onToggle(e.target.checked)} value={template.urn} />
        )}
        <div className="row">
          <Tag data-color="info" data-size="sm">
            {t('processing.source.template', { version: template.version })}
          </Tag>
          {template.adoptedEntryId ? (
            <Tag data-color="success" data-size="sm">
              {t('processing.adopt.already')}
            </Tag>
          ) : null}
          {template.dpiaLikely ? (
            <Tag data-color="warning" data-size="sm">
              {t('processing.adopt.dpiaLikely')}
            </Tag>
          ) : null}
          {template.uncertainCount ? (
            <Tag data-color="neutral" data-size="sm">
              {t('processing.adopt.uncertain', { count: template.uncertainCount })}
            </Tag>
          ) : null}
        </div>
        {template.description ? <Paragraph>{template.description}</Paragraph> : null}
        <Paragraph>
          {t('processing.adopt.summary', { prefilled: prefilled.length, local: template.localFields.length })}{' '}
          {template.localFields.map((k) => label(k, language)).join(', ')}.
        </Paragraph>
        {template.adoptedEntryId ? (
          <Paragraph>
            <Link to={`/behandlingsprotokoll/${template.adoptedEntryId}`}>{t('processing.adopt.open')}</Link>
          </Paragraph>
        ) : null}
        <Details>
          <Details.Summary>{t('processing.adopt.preview', { name: template.name })}</Details.Summary>
          <Details.Content>
            <dl className="facts">
              {prefilled.map((d) => (
                <div key={d.key} style={{ display: 'contents' }}>
                  <dt>{label(d.key, language)}</dt>
                  <dd>
                    <FieldValueView fieldKey={d.key} value={template.content[d.key]} measures={measures} />
                    {template.uncertain.some((u) => u.field === d.key) ? (
                      <Tag data-color="neutral" data-size="sm">
                        {t('processing.uncertain')}
                      </Tag>
                    ) : null}
                  </dd>
                </div>
              ))}
            </dl>
          </Details.Content>
        </Details>
      </div>
    </Card>
  );
}
