import { Button, Details, Field, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, query } from '../../api/client';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';

interface AuditItem {
  id: number;
  occurredAt: string;
  actor: { id: string; name: string | null; email: string | null } | null;
  entity: string;
  entityId: string | null;
  action: string;
  changedFields: string[];
  before: unknown;
  after: unknown;
}

const actions = ['insert', 'update', 'delete'];

export default function AuditPage() {
  const { t, formatDate } = useI18n();
  const [entity, setEntity] = useState('');
  const [action, setAction] = useState('');
  const events = useInfiniteQuery({
    queryKey: ['audit', entity, action],
    queryFn: ({ pageParam }) => api.get<{ items: AuditItem[]; hasMore: boolean }>(`/api/audit${query({ before: pageParam, entity, action, limit: 50 })}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.items[last.items.length - 1]?.id : undefined),
  });
  const actionLabel = (a: string) => (actions.includes(a) ? t(`audit.action.${a}` as MessageKey) : a);
  return (
    <Page title={t('nav.audit')} lead={t('audit.lead')}>
      <div className="row">
        <Field>
          <Label htmlFor="audit-entity">{t('audit.filterEntity')}</Label>
          <Select id="audit-entity" value={entity} onChange={(e) => setEntity(e.target.value)}>
            <option value="">{t('audit.all')}</option>
            {['organizations', 'memberships', 'invitations', 'auth'].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="audit-action">{t('audit.filterAction')}</Label>
          <Select id="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{t('audit.all')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <QueryState query={events}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (!items.length) return <Paragraph>{t('audit.empty')}</Paragraph>;
          return (
            <>
              <div className="table-wrap">
                <Table>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('audit.when')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('audit.who')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('audit.what')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('audit.action')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('audit.changed')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {items.map((item) => (
                      <Table.Row key={item.id}>
                        <Table.Cell>{formatDate(item.occurredAt, true)}</Table.Cell>
                        <Table.Cell>{item.actor?.name ?? t('audit.system')}</Table.Cell>
                        <Table.Cell>{item.entity}</Table.Cell>
                        <Table.Cell>{actionLabel(item.action)}</Table.Cell>
                        <Table.Cell>
                          {item.changedFields.join(', ')}
                          <Details>
                            <Details.Summary>{t('audit.details')}</Details.Summary>
                            <Details.Content>
                              <Paragraph data-size="sm">{t('audit.before')}</Paragraph>
                              <pre className="json">{JSON.stringify(item.before, null, 2)}</pre>
                              <Paragraph data-size="sm">{t('audit.after')}</Paragraph>
                              <pre className="json">{JSON.stringify(item.after, null, 2)}</pre>
                            </Details.Content>
                          </Details>
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
              {events.hasNextPage ? (
                <div>
                  <Button variant="secondary" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
                    {t('audit.loadMore')}
                  </Button>
                </div>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
