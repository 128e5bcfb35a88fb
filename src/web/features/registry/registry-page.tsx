import { Button, Field, Label, Paragraph, Search, Select, Table } from '@digdir/designsystemet-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { OrganizationDto } from '../../../modules/organizations/contract';
import { organizationKinds } from '../../../modules/organizations/kinds';
import { api, query } from '../../api/client';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { counties } from './counties';

interface RegistryPage {
  total: number;
  page: number;
  pageSize: number;
  items: (OrganizationDto & { members: number })[];
}

export default function RegistryPageView() {
  const { t, formatNumber } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [county, setCounty] = useState('');
  const [page, setPage] = useState(1);
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(text.trim());
      setPage(1);
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);
  const registry = useQuery({
    queryKey: ['registry', q, kind, county, page],
    queryFn: () => api.get<RegistryPage>(`/api/registry/organizations${query({ q, kind, county, page, pageSize: 25 })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Page title={t('nav.registry')} lead={t('registry.lead')}>
      <div className="row">
        <Field>
          <Label htmlFor="registry-search">{t('registry.search')}</Label>
          <Search>
            <Search.Input id="registry-search" value={text} onChange={(e) => setText(e.target.value)} aria-label={t('registry.search')} />
            <Search.Clear onClick={() => setText('')} />
          </Search>
        </Field>
        <Field>
          <Label htmlFor="registry-kind">{t('registry.kind')}</Label>
          <Select id="registry-kind" value={kind} onChange={(e) => { setKind(e.target.value); setPage(1); }}>
            <option value="">{t('registry.allKinds')}</option>
            {organizationKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}` as MessageKey)}
              </option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="registry-county">{t('registry.county')}</Label>
          <Select id="registry-county" value={county} onChange={(e) => { setCounty(e.target.value); setPage(1); }}>
            <option value="">{t('registry.allCounties')}</option>
            {counties.map(([number, name]) => (
              <option key={number} value={number}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <QueryState query={registry}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
          return (
            <>
              <Paragraph role="status">{t('registry.count', { count: formatNumber(data.total) })}</Paragraph>
              <div className="table-wrap">
                <Table zebra>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('registry.number')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('registry.name')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('registry.kind')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('registry.county')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('org.population')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('org.languageForm')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('registry.members')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.items.map((org) => (
                      <Table.Row key={org.id}>
                        <Table.Cell>{org.municipalityNumber ?? org.countyNumber ?? ''}</Table.Cell>
                        <Table.Cell>
                          <Link to={`/register/${org.id}`}>{org.name}</Link>
                        </Table.Cell>
                        <Table.Cell>{t(`kind.${org.kind}` as MessageKey)}</Table.Cell>
                        <Table.Cell>{org.countyName ?? ''}</Table.Cell>
                        <Table.Cell>{org.population !== null ? formatNumber(org.population) : ''}</Table.Cell>
                        <Table.Cell>{org.languageForm ? t(`languageForm.${org.languageForm}` as MessageKey) : ''}</Table.Cell>
                        <Table.Cell>{org.members}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
              <nav aria-label={t('app.page', { page: data.page, pages })} className="row">
                <Button variant="secondary" data-size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {t('app.previous')}
                </Button>
                <Paragraph>{t('app.page', { page: data.page, pages })}</Paragraph>
                <Button variant="secondary" data-size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                  {t('app.next')}
                </Button>
              </nav>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
