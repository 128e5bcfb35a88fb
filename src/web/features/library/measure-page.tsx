import { Alert, Card, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link, useSearchParams } from 'react-router';
import type { MeasureDetailResponse } from '../../../modules/library/contract';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { frameworkPath, useMeasure } from './api';
import './library.css';

export default function MeasurePage() {
  const [params] = useSearchParams();
  const measure = useMeasure(params.get('urn') ?? '');
  return <QueryState query={measure}>{(data) => <MeasureView data={data} />}</QueryState>;
}

function MeasureView({ data }: { data: MeasureDetailResponse }) {
  const { t, formatDate } = useI18n();
  const m = data.measure;
  const sections: [MessageKey, string][] = [
    ['measure.what', m.what],
    ['measure.why', m.why],
    ['measure.startSmall', m.startSmall],
    ['measure.evidence', m.evidence],
  ];
  return (
    <Page title={m.title} lead={`${m.code} · ${m.areaTitle}`}>
      <Paragraph>
        <Link to="/felles-tiltak">{t('measure.back')}</Link>
      </Paragraph>
      <div className="row">
        <Tag data-color="neutral">
          {t('measures.priority')}: {t(`priority.${m.priority}` as MessageKey)}
        </Tag>
        <Tag data-color="neutral">
          {t('measures.effort')}: {t(`effort.${m.effort}` as MessageKey)}
        </Tag>
        <Tag data-color="info" variant="outline">
          {t('library.fromNational')}
        </Tag>
      </div>
      {m.uncertain ? (
        <Alert data-color="warning">
          <Paragraph>
            {t('library.uncertain')}: {m.uncertain}
          </Paragraph>
        </Alert>
      ) : null}
      <div className="library-sections">
        {sections.map(([key, text]) => (
          <Card key={key}>
            <Heading level={2} data-size="xs">
              {t(key)}
            </Heading>
            <Paragraph>{text}</Paragraph>
          </Card>
        ))}
      </div>
      <section className="stack" aria-labelledby="measure-requirements">
        <Heading level={2} data-size="sm" id="measure-requirements">
          {t('measure.requirements')}
        </Heading>
        <Paragraph>{t('measure.requirementsLead')}</Paragraph>
        {data.frameworks.map((f) => (
          <div key={f.urn} className="stack">
            <Heading level={3} data-size="xs">
              <Link to={frameworkPath(f.urn)}>{t('measure.frameworkVersion', { name: f.name, version: f.version })}</Link>
            </Heading>
            <div className="table-wrap">
              <Table zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('diff.requirement')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('library.reference')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('measure.relationship')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {f.requirements.map((r) => (
                    <Table.Row key={r.urn}>
                      <Table.Cell>
                        {r.title ?? r.refId}
                        {r.uncertain ? (
                          <>
                            {' '}
                            <Tag data-color="warning" data-size="sm">
                              {t('library.uncertain')}
                            </Tag>
                          </>
                        ) : null}
                        {r.granularity === 'principle' ? (
                          <>
                            {' '}
                            <Tag data-color="info" data-size="sm">
                              {t('library.principle')}
                            </Tag>
                          </>
                        ) : null}
                      </Table.Cell>
                      <Table.Cell>
                        {f.refId} {r.refId}
                      </Table.Cell>
                      <Table.Cell>{t(`relationship.${r.relationship}` as MessageKey)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </div>
        ))}
      </section>
      <Paragraph data-size="sm" className="muted">
        {t('measure.version', { version: m.version, date: formatDate(m.updatedAt) })}
      </Paragraph>
    </Page>
  );
}
