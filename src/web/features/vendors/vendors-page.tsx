import { Alert, Button, Card, Field, Heading, Label, Paragraph, Search, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { followUpStatuses } from '../../../modules/vendors/fields';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { useAwaitingReview, useVendorWrite, type VendorListPage, type VendorView } from './api';
import { FollowUpTag } from './follow-up-tag';
import { api, query } from '../../api/client';

export default function VendorsPage() {
  const { t, formatNumber } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(text.trim());
      setPage(1);
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);
  const list = useQuery({
    queryKey: ['vendors', 'list', { q, status, page }],
    queryFn: () => api.get<VendorListPage>(`/api/vendors${query({ q, status, page, pageSize: 25 })}`),
    placeholderData: keepPreviousData,
  });
  const manage = list.data?.policies.manage === true;
  return (
    <Page
      title={t('vendors.title')}
      lead={t('vendors.lead')}
      actions={
        list.data?.policies.viewUsage ? (
          <Button asChild variant="secondary">
            <Link to="/leverandorbruk">{t('vendors.usageLink')}</Link>
          </Button>
        ) : null
      }
    >
      {manage ? <AwaitingReview /> : null}
      {manage ? <NewVendor /> : null}
      <div className="row">
        <Field>
          <Label htmlFor="vendor-search">{t('vendors.search')}</Label>
          <Search>
            <Search.Input id="vendor-search" value={text} onChange={(e) => setText(e.target.value)} aria-label={t('vendors.search')} />
            <Search.Clear onClick={() => setText('')} />
          </Search>
        </Field>
        <Field>
          <Label htmlFor="vendor-status">{t('vendors.status')}</Label>
          <Select id="vendor-status" value={status} onChange={(e) => { setStatus(e.target.value); setPage(1); }}>
            <option value="">{t('vendors.allStatuses')}</option>
            {followUpStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`followUp.${s}` as MessageKey)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <QueryState query={list}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
          return (
            <>
              <Paragraph role="status">{t('vendors.count', { count: formatNumber(data.total) })}</Paragraph>
              <div className="table-wrap">
                <Table zebra>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('vendors.name')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('vendors.organizationNumber')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('vendors.products')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('vendors.status')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('vendors.nextReview')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.items.map((v) => (
                      <Table.Row key={v.id}>
                        <Table.Cell>
                          <Link to={`/leverandorer/${v.id}`}>{v.name}</Link>
                        </Table.Cell>
                        <Table.Cell>{v.organizationNumber ?? ''}</Table.Cell>
                        <Table.Cell>{v.products.map((p) => p.name).join(', ')}</Table.Cell>
                        <Table.Cell>
                          <FollowUpTag followUp={v.followUp} />
                        </Table.Cell>
                        <Table.Cell>{v.followUp.nextReviewOn ?? ''}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
              {pages > 1 ? (
                <nav aria-label={t('app.page', { page: data.page, pages })} className="row">
                  <Button variant="secondary" data-size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                    {t('app.previous')}
                  </Button>
                  <Paragraph>{t('app.page', { page: data.page, pages })}</Paragraph>
                  <Button variant="secondary" data-size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                    {t('app.next')}
                  </Button>
                </nav>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

function AwaitingReview() {
  const { t, formatDate } = useI18n();
  const awaiting = useAwaitingReview(true);
  if (!awaiting.data?.items.length) return null;
  return (
    <Alert data-color="info">
      <Heading level={2} data-size="xs">
        {t('vendors.awaitingReview', { count: awaiting.data.items.length })}
      </Heading>
      <ul>
        {awaiting.data.items.map((q) => (
          <li key={q.id}>
            <Link to={`/leverandorer/${q.vendorId}/sporreskjema/${q.id}`}>
              {q.vendorName}
              {q.productName ? ` (${q.productName})` : ''}
            </Link>{' '}
            <span className="muted">{t('vendors.submittedOn', { date: q.submittedAt ? formatDate(q.submittedAt) : '' })}</span>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function NewVendor() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [organizationNumber, setOrganizationNumber] = useState('');
  const create = useVendorWrite<VendorView>('post', '/api/vendors');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, organizationNumber: organizationNumber.trim() || null }, { onSuccess: (result) => navigate(`/leverandorer/${result.vendor.id}`) });
  };
  return (
    <Card>
      <Heading level={2} data-size="xs">
        {t('vendors.new')}
      </Heading>
      <FormErrors error={create.error} fieldIds={{ name: 'new-vendor-name', organizationNumber: 'new-vendor-orgnr' }} />
      <form className="row" onSubmit={submit} noValidate>
        <Textfield id="new-vendor-name" label={t('vendors.name')} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(create.error, 'name')} />
        <Textfield id="new-vendor-orgnr" label={t('vendors.organizationNumber')} inputMode="numeric" value={organizationNumber} onChange={(e) => setOrganizationNumber(e.target.value)} error={fieldError(create.error, 'organizationNumber')} />
        <Button type="submit" disabled={create.isPending}>
          {t('vendors.create')}
        </Button>
      </form>
    </Card>
  );
}
