import { Alert, Button, Card, Field, Heading, Label, List, Paragraph, Search, Select, Table, Tabs, Tag } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { SystemListItemDto } from '../../../modules/systems/contract';
import type { SystemOverviewDto, SystemRef } from '../../../modules/systems/overview';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { useNotifications } from '../vendors/api';
import { FollowUpTag } from '../vendors/follow-up-tag';
import { useSystemOverview, useSystems } from './api';
import { CriticalityTag, MfaTag } from './tags';

type Filter = 'all' | 'withoutMfa' | 'restoreUntested' | 'pastEndOfSupport' | 'critical';
const PAGE_SIZE = 50;

export default function SystemsPage() {
  const { t } = useI18n();
  const systems = useSystems();
  const overview = useSystemOverview();
  const [tab, setTab] = useState('systems');
  const canEdit = systems.data?.policies.edit === true;
  return (
    <Page
      title={t('systems.title')}
      lead={t('systems.lead')}
      actions={
        <>
          {canEdit ? (
            <>
              <Button asChild>
                <Link to="/systemer/ny">{t('systems.new')}</Link>
              </Button>
              <Button asChild variant="secondary">
                <Link to="/systemer/import">{t('systems.import')}</Link>
              </Button>
            </>
          ) : null}
          <Button asChild variant="tertiary">
            <a href="/api/systems/export" download>
              {t('systems.export')}
            </a>
          </Button>
        </>
      }
    >
      <QueryState query={overview}>{(data) => <NextSteps overview={data} canEdit={canEdit} />}</QueryState>
      <QueryState query={overview}>{(data) => <Summary overview={data} />}</QueryState>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="systems">{t('systems.tabSystems')}</Tabs.Tab>
          <Tabs.Tab value="services">{t('systems.tabServices')}</Tabs.Tab>
          <Tabs.Tab value="vendors">{t('systems.tabVendors')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="systems">{tab === 'systems' ? <QueryState query={systems}>{(data) => <SystemsTable items={data.items} />}</QueryState> : null}</Tabs.Panel>
        <Tabs.Panel value="services">{tab === 'services' ? <QueryState query={overview}>{(data) => <ServicesView overview={data} />}</QueryState> : null}</Tabs.Panel>
        <Tabs.Panel value="vendors">{tab === 'vendors' ? <QueryState query={overview}>{(data) => <VendorsView overview={data} />}</QueryState> : null}</Tabs.Panel>
      </Tabs>
    </Page>
  );
}

/** The next things to do, most urgent first, each with where to do it (ux: one next step always visible). */
function NextSteps({ overview, canEdit }: { overview: SystemOverviewDto; canEdit: boolean }) {
  const { t } = useI18n();
  const notifications = useNotifications();
  const steps: { key: string; text: string; reference?: string; to: string }[] = [];
  const unread = notifications.data?.unread ?? 0;
  if (unread) steps.push({ key: 'notifications', text: t('systems.nextNotifications', { count: unread }), to: '/varsler' });
  if (overview.total === 0) steps.push({ key: 'none', text: t('systems.nextNone'), to: canEdit ? '/systemer/import' : '/systemer' });
  if (overview.withoutMfa.length) steps.push({ key: 'mfa', text: t('systems.nextMfa', { count: overview.withoutMfa.length }), reference: 'GDPR art. 32 · NSM 2.6.7', to: `/systemer/${overview.withoutMfa[0]!.id}` });
  if (overview.restoreUntested.length)
    steps.push({ key: 'restore', text: t('systems.nextRestore', { count: overview.restoreUntested.length }), reference: 'GDPR art. 32(1)(c) · NSM 2.9.3', to: `/systemer/${overview.restoreUntested[0]!.id}` });
  if (overview.processorsWithoutDpa.length)
    steps.push({ key: 'dpa', text: t('systems.nextDpa', { count: overview.processorsWithoutDpa.length }), reference: 'GDPR art. 28(3)', to: `/leverandorer/${overview.processorsWithoutDpa[0]!.id}` });
  if (overview.pastEndOfSupport.length) steps.push({ key: 'eos', text: t('systems.nextEndOfSupport', { count: overview.pastEndOfSupport.length }), to: `/systemer/${overview.pastEndOfSupport[0]!.id}` });
  if (overview.vendorsWithOpenFindings.length)
    steps.push({ key: 'findings', text: t('systems.nextFindings', { count: overview.vendorsWithOpenFindings.length }), to: `/leverandorer/${overview.vendorsWithOpenFindings[0]!.id}` });
  return (
    <Alert data-color={steps.length ? 'info' : 'success'}>
      <Heading level={2} data-size="xs">
        {t('systems.nextSteps')}
      </Heading>
      {steps.length ? (
        <List.Unordered>
          {steps.slice(0, 3).map((step) => (
            <List.Item key={step.key}>
              <Link to={step.to}>{step.text}</Link>
              {step.reference ? <span className="muted"> · {step.reference}</span> : null}
            </List.Item>
          ))}
        </List.Unordered>
      ) : (
        <Paragraph>{t('systems.nextAllGood')}</Paragraph>
      )}
    </Alert>
  );
}

function SummaryCard({ title, reference, systems, to }: { title: string; reference?: string; systems: SystemRef[]; to: (s: SystemRef) => string }) {
  const { t } = useI18n();
  return (
    <Card data-color={systems.length ? 'warning' : 'success'}>
      <Heading level={3} data-size="2xs">
        {title}: {systems.length}
      </Heading>
      {reference ? <Paragraph data-size="sm" className="muted">{reference}</Paragraph> : null}
      {systems.length ? (
        <List.Unordered data-size="sm">
          {systems.slice(0, 4).map((s) => (
            <List.Item key={s.id}>
              <Link to={to(s)}>{s.name}</Link>
            </List.Item>
          ))}
          {systems.length > 4 ? <List.Item>{t('systems.andMore', { count: systems.length - 4 })}</List.Item> : null}
        </List.Unordered>
      ) : null}
    </Card>
  );
}

function Summary({ overview }: { overview: SystemOverviewDto }) {
  const { t } = useI18n();
  const system = (s: SystemRef) => `/systemer/${s.id}`;
  const vendor = (s: SystemRef) => `/leverandorer/${s.id}`;
  return (
    <section aria-labelledby="summary-heading" className="stack">
      <Heading level={2} data-size="sm" id="summary-heading">
        {t('systems.summary', { count: overview.total })}
      </Heading>
      <div className="grid-summary">
        <SummaryCard title={t('systems.withoutMfa')} reference="GDPR art. 32 · NSM 2.6.7" systems={overview.withoutMfa} to={system} />
        <SummaryCard title={t('systems.restoreUntested')} reference="NSM 2.9.3" systems={overview.restoreUntested} to={system} />
        <SummaryCard title={t('systems.pastEndOfSupport')} systems={overview.pastEndOfSupport} to={system} />
        <SummaryCard title={t('systems.processorsWithoutDpa')} reference="GDPR art. 28(3)" systems={overview.processorsWithoutDpa} to={vendor} />
        <SummaryCard title={t('systems.vendorsWithFindings')} systems={overview.vendorsWithOpenFindings} to={vendor} />
      </div>
    </section>
  );
}

function SystemsTable({ items }: { items: SystemListItemDto[] }) {
  const { t, formatDate } = useI18n();
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const shown = useMemo(() => {
    const q = text.trim().toLowerCase();
    return items.filter(
      (s) =>
        (!q || s.name.toLowerCase().includes(q) || (s.vendor?.name ?? s.localVendorName ?? '').toLowerCase().includes(q)) &&
        (filter === 'all' || (filter === 'critical' ? s.criticality === 'critical' : s.flags[filter])),
    );
  }, [items, text, filter]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  return (
    <div className="stack">
      <div className="row">
        <Field>
          <Label htmlFor="systems-search">{t('systems.search')}</Label>
          <Search>
            <Search.Input id="systems-search" value={text} onChange={(e) => { setText(e.target.value); setPage(1); }} aria-label={t('systems.search')} />
            <Search.Clear onClick={() => setText('')} />
          </Search>
        </Field>
        <Field>
          <Label htmlFor="systems-filter">{t('systems.filter')}</Label>
          <Select id="systems-filter" value={filter} onChange={(e) => { setFilter(e.target.value as Filter); setPage(1); }}>
            {(['all', 'critical', 'withoutMfa', 'restoreUntested', 'pastEndOfSupport'] as const).map((f) => (
              <option key={f} value={f}>
                {t(`systems.filter.${f}` as MessageKey)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Paragraph role="status">{t('systems.count', { count: shown.length })}</Paragraph>
      <div className="table-wrap">
        <Table zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('systems.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systems.criticality')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systems.vendor')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systems.centralFollowUp')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systems.mfaUsers')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systems.lastRestoreTestOn')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systems.endOfSupportOn')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell>
                  <Link to={`/systemer/${s.id}`}>{s.name}</Link>
                </Table.Cell>
                <Table.Cell>
                  <CriticalityTag value={s.criticality} />
                </Table.Cell>
                <Table.Cell>
                  {s.vendor ? <Link to={`/leverandorer/${s.vendor.id}`}>{s.vendor.name}</Link> : (s.localVendorName ?? '')}
                  {s.product ? <span className="muted"> · {s.product.name}</span> : null}
                </Table.Cell>
                <Table.Cell>{s.vendor ? <FollowUpTag followUp={s.followUp} /> : null}</Table.Cell>
                <Table.Cell>
                  <MfaTag value={s.mfaUsers} />
                </Table.Cell>
                <Table.Cell>
                  {s.lastRestoreTestOn ? formatDate(s.lastRestoreTestOn) : <span className="muted">{t('systems.never')}</span>}
                  {s.flags.restoreUntested ? <Tag data-color="warning" data-size="sm">{t('systems.due')}</Tag> : null}
                </Table.Cell>
                <Table.Cell>
                  {s.endOfSupportOn ? formatDate(s.endOfSupportOn) : ''}
                  {s.flags.pastEndOfSupport ? <Tag data-color="danger" data-size="sm">{t('systems.expired')}</Tag> : null}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {pages > 1 ? (
        <nav aria-label={t('app.page', { page: current, pages })} className="row">
          <Button variant="secondary" data-size="sm" disabled={current <= 1} onClick={() => setPage(current - 1)}>
            {t('app.previous')}
          </Button>
          <Paragraph>{t('app.page', { page: current, pages })}</Paragraph>
          <Button variant="secondary" data-size="sm" disabled={current >= pages} onClick={() => setPage(current + 1)}>
            {t('app.next')}
          </Button>
        </nav>
      ) : null}
    </div>
  );
}

function ServicesView({ overview }: { overview: SystemOverviewDto }) {
  const { t } = useI18n();
  if (!overview.services.length) return <Paragraph>{t('systems.noServices')}</Paragraph>;
  return (
    <div className="stack">
      <Paragraph>{t('systems.servicesLead')}</Paragraph>
      {overview.services.map((service) => (
        <Card key={service.name}>
          <Heading level={3} data-size="xs">
            {service.name} <CriticalityTag value={service.criticality} />
          </Heading>
          <List.Unordered>
            {service.systems.map((s) => (
              <List.Item key={s.id}>
                <Link to={`/systemer/${s.id}`}>{s.name}</Link>
                {s.dependsOn.length ? (
                  <span className="muted">
                    {' '}
                    — {t('systems.dependsOnList')}: {s.dependsOn.map((d) => d.name).join(', ')}
                  </span>
                ) : null}
              </List.Item>
            ))}
          </List.Unordered>
        </Card>
      ))}
    </div>
  );
}

function VendorsView({ overview }: { overview: SystemOverviewDto }) {
  const { t, formatDate } = useI18n();
  if (!overview.vendors.length) return <Paragraph>{t('systems.noVendors')}</Paragraph>;
  return (
    <div className="table-wrap">
      <Table zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('systems.vendor')}</Table.HeaderCell>
            <Table.HeaderCell>{t('systems.centralFollowUp')}</Table.HeaderCell>
            <Table.HeaderCell>{t('systems.tabSystems')}</Table.HeaderCell>
            <Table.HeaderCell>{t('systems.dpaSigned')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {overview.vendors.map((v) => (
            <Table.Row key={v.id}>
              <Table.Cell>
                <Link to={`/leverandorer/${v.id}`}>{v.name}</Link>
              </Table.Cell>
              <Table.Cell>
                <FollowUpTag followUp={v.followUp} />
              </Table.Cell>
              <Table.Cell>{v.systems.map((s) => s.name).join(', ')}</Table.Cell>
              <Table.Cell>
                {v.dpaSignedOn ? formatDate(v.dpaSignedOn) : v.processesPersonalData ? <Tag data-color="danger" data-size="sm">{t('systems.dpaMissing')}</Tag> : <span className="muted">—</span>}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
