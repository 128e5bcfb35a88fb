import { Link as DsLink, Table } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { useNationalTemplates } from './api';

/** The national DPIA templates, for the national team. */
export default function DpiaNationalTemplatesPage() {
  const { t, formatDate } = useI18n();
  const templates = useNationalTemplates();
  return (
    <Page title={t('dpia.national.title')} lead={t('dpia.national.lead')}>
      <QueryState query={templates}>
        {(data) => (
          <div className="table-wrap">
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('dpia.new.template')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('dpia.col.version')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('dpia.local.title')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('dpia.col.date')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.templates.map((tpl) => (
                  <Table.Row key={tpl.slug}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to={`/nasjonalt/dpia-maler/${tpl.slug}`}>{tpl.title}</Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{tpl.version}</Table.Cell>
                    <Table.Cell>{tpl.localFieldCount}</Table.Cell>
                    <Table.Cell>{formatDate(tpl.publishedAt)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </QueryState>
    </Page>
  );
}
