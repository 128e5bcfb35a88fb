import { Checkbox, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { useUsage } from './api';
import { FollowUpTag } from './follow-up-tag';

/** For the national team: the vendors most municipalities depend on, and which of them are due. */
export default function UsagePage() {
  const { t, formatDate } = useI18n();
  const usage = useUsage();
  const [dueOnly, setDueOnly] = useState(false);
  return (
    <Page title={t('usage.title')} lead={t('usage.lead')}>
      <Link to="/leverandorer">{t('vendors.back')}</Link>
      <Checkbox label={t('usage.dueOnly')} checked={dueOnly} onChange={(e) => setDueOnly(e.target.checked)} />
      <QueryState query={usage}>
        {(data) => {
          const items = data.items.filter((v) => v.inUse && (!dueOnly || v.dueSoon));
          return (
            <>
              <Paragraph data-size="sm">{t('usage.privacy', { min: data.minOrganizations })}</Paragraph>
              <div className="table-wrap">
                <Table zebra>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('vendors.name')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('usage.organizations')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('vendors.status')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('vendors.nextReview')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {items.map((v) => (
                      <Table.Row key={v.id}>
                        <Table.Cell>
                          <Link to={`/leverandorer/${v.id}`}>{v.name}</Link>
                        </Table.Cell>
                        <Table.Cell>{v.organizations ?? t('usage.fewer', { min: data.minOrganizations })}</Table.Cell>
                        <Table.Cell>
                          <FollowUpTag followUp={v.followUp} />
                        </Table.Cell>
                        <Table.Cell>{v.followUp.nextReviewOn ? formatDate(v.followUp.nextReviewOn) : t('usage.notPlanned')}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
              {!items.length ? <Paragraph>{t('usage.none')}</Paragraph> : null}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
