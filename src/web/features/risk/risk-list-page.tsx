import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { useAssessments, useRiskContent } from './api';
import { LevelTag } from './level-tag';

export default function RiskListPage() {
  const { t, formatDate } = useI18n();
  const list = useAssessments();
  const content = useRiskContent();
  return (
    <Page
      title={t('risk.title')}
      lead={t('risk.lead')}
      actions={
        <>
          <Button asChild variant="secondary">
            <Link to="/risikovurdering/matrise">{t('risk.matrix.link')}</Link>
          </Button>
          {list.data?.policies.edit ? (
            <Button asChild>
              <Link to="/risikovurdering/ny">{t('risk.new')}</Link>
            </Button>
          ) : null}
        </>
      }
    >
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Paragraph>{t('risk.none')}</Paragraph>
          ) : (
            <div className="table-wrap">
              <Table>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('risk.col.title')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('risk.col.subject')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('risk.col.status')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('risk.col.owner')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('risk.col.risks')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('risk.col.highest')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('risk.col.review')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.items.map((item) => (
                    <Table.Row key={item.id}>
                      <Table.Cell>
                        <Link to={`/risikovurdering/${item.id}`}>{item.title}</Link>
                      </Table.Cell>
                      <Table.Cell>
                        {t(`risk.subject.${item.subjectKind}`)}: {item.subjectName}
                      </Table.Cell>
                      <Table.Cell>
                        <Tag data-color={item.status === 'accepted' ? 'success' : 'neutral'} data-size="sm">
                          {t(`risk.status.${item.status}`)}
                        </Tag>
                      </Table.Cell>
                      <Table.Cell>{item.riskOwner?.name ?? '–'}</Table.Cell>
                      <Table.Cell>{item.risks}</Table.Cell>
                      <Table.Cell>
                        <LevelTag level={item.highest} matrix={content.data?.matrix} />
                      </Table.Cell>
                      <Table.Cell>{item.reviewDate ? formatDate(item.reviewDate) : '–'}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )
        }
      </QueryState>
    </Page>
  );
}
