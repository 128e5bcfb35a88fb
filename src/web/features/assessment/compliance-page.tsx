import { Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { AreaHeatDto } from '../../../modules/assessment/contract';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { frameworkPath, useCompliance } from './api';
import { assessmentStatusList, heatLevel, StatusTag, TotalsMeter } from './ui';

export default function CompliancePage() {
  const { t } = useI18n();
  const compliance = useCompliance();
  return (
    <Page title={t('nav.compliance')} lead={t('compliance.lead')}>
      <QueryState query={compliance}>
        {(data) => (
          <>
            <section aria-labelledby="frameworks-heading" className="stack">
              <Heading level={2} data-size="sm" id="frameworks-heading">
                {t('compliance.frameworks')}
              </Heading>
              <div className="framework-cards">
                {data.frameworks.map((f) => (
                  <Card key={f.urn}>
                    <Heading level={3} data-size="xs">
                      <Link to={frameworkPath(f.urn)} aria-label={t('compliance.open', { name: f.name })}>
                        {f.name}
                      </Link>
                    </Heading>
                    <Paragraph data-size="sm" className="muted">
                      {f.refId} · {t('compliance.version', { version: f.version })}
                    </Paragraph>
                    <Paragraph className="big-number">{f.totals.percentMet === null ? t('compliance.noneApply') : t('compliance.percentMet', { percent: f.totals.percentMet })}</Paragraph>
                    <TotalsMeter totals={f.totals} />
                  </Card>
                ))}
              </div>
            </section>
            <AreaHeatMap areas={data.areas} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

/** Measure areas × status, with the figure and a word in every cell (colour only as a help). */
function AreaHeatMap({ areas }: { areas: AreaHeatDto[] }) {
  const { t, formatNumber } = useI18n();
  return (
    <section aria-labelledby="areas-heading" className="stack">
      <Heading level={2} data-size="sm" id="areas-heading">
        {t('compliance.areas')}
      </Heading>
      <Paragraph data-size="sm">{t('compliance.areasLead')}</Paragraph>
      <div className="table-wrap">
        <Table className="heat">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('assessment.area')}</Table.HeaderCell>
              <Table.HeaderCell>{t('framework.level')}</Table.HeaderCell>
              <Table.HeaderCell>{t('compliance.averageMaturity')}</Table.HeaderCell>
              {assessmentStatusList.map((s) => (
                <Table.HeaderCell key={s}>
                  <StatusTag status={s} />
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {areas.map((area) => {
              const applicable = area.measures - area.counts.not_relevant;
              const percent = applicable > 0 ? Math.round((100 * area.counts.implemented) / applicable) : null;
              const level = heatLevel(percent, area.counts.not_assessed < area.measures);
              return (
                <Table.Row key={area.area}>
                  <Table.HeaderCell scope="row">
                    <Link to={`/egenvurdering?area=${encodeURIComponent(area.area)}`}>{area.title}</Link>
                  </Table.HeaderCell>
                  <Table.Cell className={level.className}>
                    {t(level.key)}
                    {percent !== null && area.counts.not_assessed < area.measures ? ` (${percent} %)` : ''}
                  </Table.Cell>
                  <Table.Cell>
                    {area.averageMaturity === null ? (
                      t('maturity.none')
                    ) : (
                      <>
                        {formatNumber(area.averageMaturity)} <span className="muted">({t(`maturity.${Math.round(area.averageMaturity)}` as MessageKey)})</span>
                      </>
                    )}
                  </Table.Cell>
                  {assessmentStatusList.map((s) => (
                    <Table.Cell key={s}>{area.counts[s]}</Table.Cell>
                  ))}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
