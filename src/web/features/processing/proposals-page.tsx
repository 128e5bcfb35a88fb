import { Link as DsLink, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { ProposalDto } from '../../../modules/processing/contract';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { useProposals } from './api';

/** Template updates waiting for a decision, and the decisions made. */
export default function ProposalsPage() {
  const { t } = useI18n();
  const proposals = useProposals();
  return (
    <Page title={t('processing.proposals.title')} lead={t('processing.proposals.lead')}>
      <Paragraph>
        <Link to="/behandlingsprotokoll">{t('processing.backToRecord')}</Link>
      </Paragraph>
      <QueryState query={proposals}>
        {({ proposals: list }) => {
          const open = list.filter((p) => p.status === 'open');
          const decided = list.filter((p) => p.status !== 'open');
          return (
            <>
              <section className="stack" aria-labelledby="open-heading">
                <Heading level={2} id="open-heading" data-size="sm">
                  {t('processing.proposals.open', { count: open.length })}
                </Heading>
                {open.length ? <ProposalTable proposals={open} /> : <Paragraph>{t('processing.proposals.none')}</Paragraph>}
              </section>
              {decided.length ? (
                <section className="stack" aria-labelledby="decided-heading">
                  <Heading level={2} id="decided-heading" data-size="sm">
                    {t('processing.proposals.decided')}
                  </Heading>
                  <ProposalTable proposals={decided} />
                </section>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

function ProposalTable({ proposals }: { proposals: ProposalDto[] }) {
  const { t, formatDate } = useI18n();
  return (
    <div className="table-wrap">
      <Table zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('processing.col.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('processing.proposals.versions')}</Table.HeaderCell>
            <Table.HeaderCell>{t('processing.proposals.change')}</Table.HeaderCell>
            <Table.HeaderCell>{t('processing.col.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {proposals.map((p) => (
            <Table.Row key={p.id}>
              <Table.Cell>
                <DsLink asChild>
                  <Link to={`/behandlingsprotokoll/forslag/${p.id}`}>{p.entryName}</Link>
                </DsLink>
              </Table.Cell>
              <Table.Cell>
                v{p.fromVersion} → v{p.toVersion}
              </Table.Cell>
              <Table.Cell>{p.changeNote ?? '–'}</Table.Cell>
              <Table.Cell>
                {p.status === 'open' ? (
                  <Tag data-color={p.conflicts ? 'warning' : 'info'} data-size="sm">
                    {p.conflicts ? t('processing.proposals.conflicts', { count: p.conflicts }) : t('processing.proposals.noConflicts')}
                  </Tag>
                ) : (
                  <>
                    <Tag data-color={p.status === 'accepted' ? 'success' : 'neutral'} data-size="sm">
                      {t(`processing.proposals.status.${p.status}` as MessageKey)}
                    </Tag>{' '}
                    {p.decidedAt ? formatDate(p.decidedAt) : ''}
                  </>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
