import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { FormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useT, type MessageKey } from '../../i18n';
import { useDecide, useProposals } from './api';

/** New national template versions offered to the organisation's DPIAs. */
export default function DpiaProposalsPage() {
  const t = useT();
  const proposals = useProposals();
  const decide = useDecide();
  return (
    <Page title={t('dpia.proposals.title')} lead={t('dpia.proposals.lead')}>
      <Paragraph>
        <Link to="/dpia">{t('dpia.page.back')}</Link>
      </Paragraph>
      <FormErrors error={decide.error} fieldIds={{}} />
      <QueryState query={proposals}>
        {({ proposals: list, policies }) =>
          list.length ? (
            list.map((p) => (
              <Card key={p.id}>
                <Heading level={2} data-size="xs">
                  <Link to={`/dpia/${p.dpiaId}`}>{p.dpiaTitle}</Link>
                </Heading>
                <Paragraph>{t('dpia.proposals.versions', { from: p.fromVersion, to: p.toVersion })}</Paragraph>
                {p.changeNote ? <Paragraph>{p.changeNote}</Paragraph> : null}
                <Paragraph data-size="sm">{t('dpia.proposals.changed', { fields: p.changed.join(', ') || '–' })}</Paragraph>
                {p.status === 'open' ? (
                  policies.edit ? (
                    <div className="row">
                      <Button onClick={() => decide.mutate({ id: p.id, accept: true })} disabled={decide.isPending}>
                        {t('dpia.proposals.accept')}
                      </Button>
                      <Button variant="secondary" onClick={() => decide.mutate({ id: p.id, accept: false })} disabled={decide.isPending}>
                        {t('dpia.proposals.decline')}
                      </Button>
                    </div>
                  ) : null
                ) : (
                  <Tag data-size="sm" data-color="neutral">
                    {t(`dpia.proposals.status.${p.status}` as MessageKey)}
                  </Tag>
                )}
              </Card>
            ))
          ) : (
            <Paragraph>{t('dpia.proposals.none')}</Paragraph>
          )
        }
      </QueryState>
    </Page>
  );
}
