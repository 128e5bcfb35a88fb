import { Button, Link as DsLink, Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { useDpiaList, useProposals } from './api';
import { OutcomeTag, StatusTag } from './display';

/** The organisation's DPIAs and screenings, and where to start. */
export default function DpiaListPage() {
  const { t, formatDate } = useI18n();
  const list = useDpiaList();
  const proposals = useProposals();
  const navigate = useNavigate();
  const [entry, setEntry] = useState('');
  const openProposals = proposals.data?.proposals.filter((p) => p.status === 'open').length ?? 0;
  return (
    <QueryState query={list}>
      {(data) => (
        <Page
          title={t('dpia.title')}
          lead={t('dpia.lead')}
          actions={
            data.policies.edit ? (
              <Button asChild>
                <Link to="/dpia/ny">{t('dpia.start')}</Link>
              </Button>
            ) : null
          }
        >
          {openProposals ? (
            <Paragraph>
              <Link to="/dpia/forslag">{t('dpia.proposalsLink', { count: openProposals })}</Link>
            </Paragraph>
          ) : null}
          <section className="stack" aria-labelledby="dpias-heading">
            <Heading level={2} id="dpias-heading" data-size="sm">
              {t('dpia.list.dpias')}
            </Heading>
            {data.dpias.length ? (
              <div className="table-wrap">
                <Table zebra>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('dpia.col.title')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('dpia.col.entry')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('dpia.col.status')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('dpia.col.version')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.dpias.map((d) => (
                      <Table.Row key={d.id}>
                        <Table.Cell>
                          <DsLink asChild>
                            <Link to={`/dpia/${d.id}`}>{d.title}</Link>
                          </DsLink>
                        </Table.Cell>
                        <Table.Cell>{d.entryName}</Table.Cell>
                        <Table.Cell>
                          <StatusTag status={d.status} />
                        </Table.Cell>
                        <Table.Cell>{d.currentVersion}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            ) : (
              <Paragraph>{t('dpia.list.none')}</Paragraph>
            )}
          </section>
          <section className="stack" aria-labelledby="screenings-heading">
            <Heading level={2} id="screenings-heading" data-size="sm">
              {t('dpia.list.screenings')}
            </Heading>
            {data.screenings.length ? (
              <div className="table-wrap">
                <Table zebra>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('dpia.col.entry')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('dpia.col.outcome')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('dpia.col.date')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.screenings.map((s) => (
                      <Table.Row key={s.id}>
                        <Table.Cell>
                          <DsLink asChild>
                            <Link to={`/dpia/screening/${s.entryId}`}>{data.entries.find((e) => e.id === s.entryId)?.name ?? s.entryId}</Link>
                          </DsLink>
                        </Table.Cell>
                        <Table.Cell>
                          <OutcomeTag outcome={s.outcome} />
                        </Table.Cell>
                        <Table.Cell>{formatDate(s.screenedAt)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            ) : (
              <Paragraph>{t('dpia.list.noScreenings')}</Paragraph>
            )}
            {data.entries.length ? (
              <form
                className="row"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (entry) void navigate(`/dpia/screening/${entry}`);
                }}
              >
                <Field>
                  <Label htmlFor="screen-entry">{t('dpia.list.screenEntry')}</Label>
                  <Select id="screen-entry" value={entry} onChange={(e) => setEntry(e.target.value)}>
                    <option value="">–</option>
                    {data.entries.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Button type="submit" variant="secondary">
                  {t('dpia.list.screenButton')}
                </Button>
              </form>
            ) : null}
          </section>
        </Page>
      )}
    </QueryState>
  );
}
