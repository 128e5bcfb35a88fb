import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { QuestionnaireSummaryDto } from '../../../modules/vendors/contract';
import { api } from '../../api/client';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';

const statusColor = { sent: 'warning', in_progress: 'info', submitted: 'success', reviewed: 'success' } as const;

/** The vendor's own questionnaires: the only thing a vendor's contact sees in Samsvar. */
export default function PortalPage() {
  const { t, formatDate } = useI18n();
  const list = useQuery({ queryKey: ['portal'], queryFn: () => api.get<{ items: QuestionnaireSummaryDto[] }>('/api/portal/questionnaires') });
  return (
    <Page title={t('portal.title')} lead={t('portal.lead')}>
      <QueryState query={list}>
        {(data) =>
          data.items.length ? (
            <div className="table-wrap">
              <Table zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('portal.questionnaire')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('portal.sentOn')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('portal.dueOn')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('portal.status')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.items.map((q) => (
                    <Table.Row key={q.id}>
                      <Table.Cell>
                        <Link to={`/leverandorportal/${q.id}`}>{q.templateName}</Link>
                        {q.productName ? <span className="muted"> ({q.productName})</span> : null}
                      </Table.Cell>
                      <Table.Cell>{formatDate(q.sentAt)}</Table.Cell>
                      <Table.Cell>{q.dueOn ? formatDate(q.dueOn) : ''}</Table.Cell>
                      <Table.Cell>
                        <Tag data-color={statusColor[q.status]} data-size="sm">
                          {t(`portal.status.${q.status}` as MessageKey)}
                        </Tag>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          ) : (
            <Paragraph>{t('portal.none')}</Paragraph>
          )
        }
      </QueryState>
    </Page>
  );
}
