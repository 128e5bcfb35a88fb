import { Link as DsLink, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { useNationalTemplates } from './api';
import { areaTitle } from './display';

/** The national team's view of the templates: version, what municipalities fill in, what needs review. */
export default function NationalTemplatesPage() {
  const { t, language, formatDate } = useI18n();
  const templates = useNationalTemplates();
  return (
    <Page title={t('processing.national.title')} lead={t('processing.national.lead')}>
      <QueryState query={templates}>
        {(data) => (
          <div className="table-wrap">
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('processing.col.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('processing.col.area')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('processing.national.version')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('processing.national.localFields')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('processing.national.review')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.templates.map((tpl) => (
                  <Table.Row key={tpl.urn}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to={`/nasjonalt/behandlingsmaler/${tpl.slug}`}>{tpl.name}</Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{areaTitle(data.serviceAreas, tpl.serviceArea, language)}</Table.Cell>
                    <Table.Cell>
                      v{tpl.version} · {formatDate(tpl.publishedAt)}
                    </Table.Cell>
                    <Table.Cell>{tpl.localFields.length}</Table.Cell>
                    <Table.Cell>
                      {tpl.uncertainCount ? (
                        <Tag data-color="warning" data-size="sm">
                          {t('processing.adopt.uncertain', { count: tpl.uncertainCount })}
                        </Tag>
                      ) : (
                        t('app.none')
                      )}
                    </Table.Cell>
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
