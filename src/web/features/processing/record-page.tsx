import { Alert, Button, Field, Heading, Label, Link as DsLink, List, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CoverageDto, EntrySummaryDto, ServiceAreaDto } from '../../../modules/processing/contract';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { useRecord } from './api';
import { areaTitle } from './display';

/** Behandlingsprotokoll: the entries with their completeness, the coverage, and the next step. */
export default function RecordPage() {
  const { t, language } = useI18n();
  const [serviceArea, setServiceArea] = useState('');
  const record = useRecord(serviceArea);
  return (
    <Page
      title={t('processing.title')}
      lead={t('processing.lead')}
      actions={
        record.data?.policies.edit ? (
          <>
            <Button asChild>
              <Link to="/behandlingsprotokoll/maler">{t('processing.adoptTemplates')}</Link>
            </Button>
            <Button asChild variant="secondary">
              <Link to="/behandlingsprotokoll/ny">{t('processing.newEntry')}</Link>
            </Button>
          </>
        ) : null
      }
    >
      <QueryState query={record}>
        {(data) => (
          <>
            <NextStep coverage={data.coverage} canEdit={data.policies.edit} />
            <CoverageSummary coverage={data.coverage} areas={data.serviceAreas} />
            <div className="row">
              <Field>
                <Label htmlFor="record-area">{t('processing.filterArea')}</Label>
                <Select id="record-area" value={serviceArea} onChange={(e) => setServiceArea(e.target.value)}>
                  <option value="">{t('processing.allAreas')}</option>
                  {data.serviceAreas.map((a) => (
                    <option key={a.id} value={a.id}>
                      {areaTitle(data.serviceAreas, a.id, language)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Paragraph>
                <Link to="/behandlingsprotokoll/dokumenter">{t('processing.outputs')}</Link>
              </Paragraph>
            </div>
            <EntriesTable entries={data.entries} areas={data.serviceAreas} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

function NextStep({ coverage, canEdit }: { coverage: CoverageDto; canEdit: boolean }) {
  const { t } = useI18n();
  const steps: { key: string; text: string; to?: string }[] = [];
  if (coverage.openProposals) steps.push({ key: 'proposals', text: t('processing.next.proposals', { count: coverage.openProposals }), to: '/behandlingsprotokoll/forslag' });
  if (coverage.entries === 0 && canEdit) steps.push({ key: 'adopt', text: t('processing.next.adopt', { count: coverage.templatesAvailable }), to: '/behandlingsprotokoll/maler' });
  const missing = coverage.requiredFields - coverage.filledRequiredFields;
  if (missing > 0) steps.push({ key: 'fill', text: t('processing.next.fill', { count: missing }) });
  if (coverage.entries > coverage.complete) steps.push({ key: 'issues', text: t('processing.next.issues', { count: coverage.entries - coverage.complete }) });
  if (coverage.dpoContactMissing) steps.push({ key: 'dpo', text: t('processing.next.dpo'), to: '/' });
  const done = coverage.entries > 0 && steps.length === 0;
  return (
    <Alert data-color={done ? 'success' : 'info'}>
      <Heading level={2} data-size="xs">
        {done ? t('processing.complete') : t('processing.nextSteps')}
      </Heading>
      {done ? (
        <Paragraph>{t('processing.completeText', { count: coverage.entries })}</Paragraph>
      ) : (
        <List.Unordered>
          {steps.map((step) => (
            <List.Item key={step.key}>{step.to ? <Link to={step.to}>{step.text}</Link> : step.text}</List.Item>
          ))}
        </List.Unordered>
      )}
    </Alert>
  );
}

function CoverageSummary({ coverage, areas }: { coverage: CoverageDto; areas: ServiceAreaDto[] }) {
  const { t, language } = useI18n();
  const percent = coverage.requiredFields ? Math.round((coverage.filledRequiredFields / coverage.requiredFields) * 100) : 0;
  return (
    <section aria-labelledby="coverage-heading" className="stack">
      <Heading level={2} data-size="sm" id="coverage-heading">
        {t('processing.coverage')}
      </Heading>
      <dl className="facts">
        <dt>{t('processing.coverage.entries')}</dt>
        <dd>{t('processing.coverage.entriesValue', { complete: coverage.complete, total: coverage.entries })}</dd>
        <dt>{t('processing.coverage.fields')}</dt>
        <dd>{t('processing.coverage.fieldsValue', { filled: coverage.filledRequiredFields, total: coverage.requiredFields, percent })}</dd>
        <dt>{t('processing.coverage.templates')}</dt>
        <dd>{t('processing.coverage.templatesValue', { adopted: coverage.templatesAdopted, total: coverage.templatesAvailable })}</dd>
        <dt>{t('processing.coverage.areas')}</dt>
        <dd>
          {coverage.byServiceArea
            .filter((a) => a.entries > 0)
            .map((a) => `${areaTitle(areas, a.serviceArea, language)} ${a.complete}/${a.entries}`)
            .join(' · ') || t('app.none')}
        </dd>
      </dl>
    </section>
  );
}

function EntriesTable({ entries, areas }: { entries: EntrySummaryDto[]; areas: ServiceAreaDto[] }) {
  const { t, language } = useI18n();
  if (!entries.length) return <Paragraph>{t('processing.noEntries')}</Paragraph>;
  return (
    <div className="table-wrap">
      <Table zebra>
        <caption className="visually-hidden">{t('processing.entriesCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('processing.col.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('processing.col.area')}</Table.HeaderCell>
            <Table.HeaderCell>{t('processing.col.source')}</Table.HeaderCell>
            <Table.HeaderCell>{t('processing.col.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {entries.map((entry) => (
            <Table.Row key={entry.id}>
              <Table.Cell>
                <DsLink asChild>
                  <Link to={`/behandlingsprotokoll/${entry.id}`}>{entry.name}</Link>
                </DsLink>
              </Table.Cell>
              <Table.Cell>{areaTitle(areas, entry.serviceArea, language)}</Table.Cell>
              <Table.Cell>
                {entry.kind === 'template' ? t('processing.kind.templateVersion', { version: entry.templateVersion ?? '' }) : t(entry.kind === 'local' ? 'processing.kind.local' : 'processing.kind.processor')}
                {entry.hasOpenProposal ? (
                  <>
                    {' '}
                    <Tag data-color="info" data-size="sm">
                      {t('processing.newVersion', { version: entry.latestTemplateVersion ?? '' })}
                    </Tag>
                  </>
                ) : null}
              </Table.Cell>
              <Table.Cell>
                {entry.complete ? (
                  <Tag data-color="success" data-size="sm">
                    {t('processing.status.complete')}
                  </Tag>
                ) : (
                  <Tag data-color="warning" data-size="sm">
                    {entry.missingFields ? t('processing.status.missing', { count: entry.missingFields }) : t('processing.status.issues', { count: entry.errors })}
                  </Tag>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
