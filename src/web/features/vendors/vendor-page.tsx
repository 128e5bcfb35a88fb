import { Alert, Button, Card, Heading, Paragraph, Table, Tabs, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { LocalDetailsDto, VendorDetailDto } from '../../../modules/vendors/contract';
import { countryNames } from '../../../modules/systems/fields';
import { ApiError } from '../../api/client';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { useVendor, useVendorWrite, type VendorView } from './api';
import { FollowUpTag } from './follow-up-tag';
import { VendorHistory } from './vendor-history';
import { AddProduct, AddSubProcessor, RemoveChild } from './vendor-forms';
import { EditVendorFacts, NationalActions } from './vendor-national';
import { Certifications, Findings, Reviews } from './vendor-sections';

export default function VendorPage() {
  const { id = '' } = useParams();
  const vendor = useVendor(id);
  return <QueryState query={vendor}>{(data) => <VendorView data={data} />}</QueryState>;
}

function VendorView({ data }: { data: VendorView }) {
  const { t } = useI18n();
  const [tab, setTab] = useState('agreement');
  const { vendor, policies } = data;
  const manage = policies.manage;
  const yesNo = (v: boolean | null) => (v === null ? t('systems.mfa.unknown') : v ? t('app.yes') : t('app.no'));
  return (
    <Page title={vendor.name} lead={vendor.description ?? t('vendors.detailLead')}>
      <Link to="/leverandorer">{t('vendors.back')}</Link>
      <CentralStatus vendor={vendor} />
      {!manage && policies.view ? <LocalDetails data={data} /> : null}
      {manage ? <NationalActions data={data} /> : null}
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="agreement">{t('vendors.tabAgreement')}</Tabs.Tab>
          <Tabs.Tab value="products">{t('vendors.tabProducts', { count: vendor.products.length })}</Tabs.Tab>
          <Tabs.Tab value="sub">{t('vendors.tabSubProcessors', { count: vendor.subProcessors.length })}</Tabs.Tab>
          <Tabs.Tab value="certs">{t('vendors.tabCertifications')}</Tabs.Tab>
          <Tabs.Tab value="findings">{t('vendors.tabFindings', { count: vendor.followUp.openFindings })}</Tabs.Tab>
          <Tabs.Tab value="reviews">{t('vendors.tabReviews')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('vendors.tabHistory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="agreement">
          {tab === 'agreement' ? (
            <div className="stack">
              <dl className="facts">
                <dt>{t('vendors.organizationNumber')}</dt>
                <dd>{vendor.organizationNumber ?? '—'}</dd>
                <dt>{t('vendors.contact')}</dt>
                <dd>{[vendor.contactName, vendor.contactEmail, vendor.contactPhone].filter(Boolean).join(' · ') || '—'}</dd>
                <dt>{t('vendors.dpaTerms')}</dt>
                <dd>
                  {vendor.dpaTerms ? t(`vendors.dpa.${vendor.dpaTerms}` as MessageKey) : '—'}
                  {vendor.dpaVersion ? ` (${t('vendors.version', { version: vendor.dpaVersion })})` : ''}
                </dd>
                <dt>{t('vendors.transfers')}</dt>
                <dd>
                  {yesNo(vendor.transfersOutsideEea)}
                  {vendor.transferBasis ? ` – ${t(`vendors.basis.${vendor.transferBasis}` as MessageKey)}` : ''}
                  {vendor.transferNotes ? `. ${vendor.transferNotes}` : ''}
                </dd>
                <dt>{t('vendors.cycle')}</dt>
                <dd>{t('vendors.cycleMonths', { months: vendor.reviewIntervalMonths })}</dd>
              </dl>
              {manage ? <EditVendorFacts vendor={vendor} /> : null}
            </div>
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="products">{tab === 'products' ? <Products vendor={vendor} manage={manage} /> : null}</Tabs.Panel>
        <Tabs.Panel value="sub">{tab === 'sub' ? <SubProcessors vendor={vendor} manage={manage} /> : null}</Tabs.Panel>
        <Tabs.Panel value="certs">{tab === 'certs' ? <Certifications vendor={vendor} manage={manage} /> : null}</Tabs.Panel>
        <Tabs.Panel value="findings">{tab === 'findings' ? <Findings vendor={vendor} manage={manage} /> : null}</Tabs.Panel>
        <Tabs.Panel value="reviews">{tab === 'reviews' ? <Reviews vendor={vendor} /> : null}</Tabs.Panel>
        <Tabs.Panel value="history">{tab === 'history' ? <VendorHistory vendorId={vendor.id} /> : null}</Tabs.Panel>
      </Tabs>
    </Page>
  );
}

/** What the national team concluded, marked as coming from them ("shared, but one's own"). */
function CentralStatus({ vendor }: { vendor: VendorDetailDto }) {
  const { t, formatDate } = useI18n();
  const f = vendor.followUp;
  return (
    <Card data-color="info">
      <Heading level={2} data-size="xs">
        {t('vendors.centralStatus')} <FollowUpTag followUp={f} />
      </Heading>
      <Paragraph data-size="sm">
        <Tag data-color="info" data-size="sm">
          {t('vendors.fromNationalTeam')}
        </Tag>{' '}
        {f.lastReviewedOn ? t('vendors.lastReviewed', { date: formatDate(f.lastReviewedOn) }) : t('vendors.neverReviewed')}{' '}
        {f.nextReviewOn ? t('vendors.nextReviewOn', { date: formatDate(f.nextReviewOn) }) : ''}
      </Paragraph>
      {f.conclusion ? (
        <Paragraph>
          <strong>{t(`vendors.conclusion.${f.conclusion}` as MessageKey)}.</strong> {vendor.conclusionSummary ?? ''}
        </Paragraph>
      ) : null}
      {f.expiredCertifications ? <Paragraph data-size="sm">{t('vendors.expiredCertificates', { count: f.expiredCertifications })}</Paragraph> : null}
      {f.expiringCertifications ? <Paragraph data-size="sm">{t('vendors.expiringCertificates', { count: f.expiringCertifications })}</Paragraph> : null}
    </Card>
  );
}

const localFields = { dpaSignedOn: 'local-dpa-signed', dpaReference: 'local-dpa-reference', localContact: 'local-contact', notes: 'local-notes' };

/** The municipality's own details on top of the central follow-up; visible to it alone. */
function LocalDetails({ data }: { data: VendorView }) {
  const { t } = useI18n();
  const local: LocalDetailsDto | null = data.local;
  const [form, setForm] = useState({ dpaSignedOn: local?.dpaSignedOn ?? '', dpaReference: local?.dpaReference ?? '', localContact: local?.localContact ?? '', notes: local?.notes ?? '' });
  const save = useVendorWrite('put', `/api/vendors/${data.vendor.id}/local`);
  const canEdit = data.policies.editLocal;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = (v: string) => v.trim() || null;
    save.mutate({ dpaSignedOn: value(form.dpaSignedOn), dpaReference: value(form.dpaReference), localContact: value(form.localContact), notes: value(form.notes), ...(local ? { version: local.version } : {}) });
  };
  return (
    <Card>
      <Heading level={2} data-size="xs">
        {t('vendors.localTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('vendors.localLead')}</Paragraph>
      {data.systems.length ? (
        <Paragraph>
          {t('vendors.ourSystems')}:{' '}
          {data.systems.map((s, i) => (
            <span key={s.id}>
              {i ? ', ' : ''}
              <Link to={`/systemer/${s.id}`}>{s.name}</Link>
            </span>
          ))}
        </Paragraph>
      ) : (
        <Paragraph data-size="sm">{t('vendors.noOwnSystems')}</Paragraph>
      )}
      {save.isSuccess ? <Alert data-color="success">{t('app.saved')}</Alert> : null}
      {save.error instanceof ApiError && save.error.code === 'CONFLICT' ? <Alert data-color="warning">{t('vendors.localConflict')}</Alert> : <FormErrors error={save.error} fieldIds={localFields} />}
      <form className="stack" onSubmit={submit} noValidate>
        <div className="row">
          <Textfield id={localFields.dpaSignedOn} type="date" label={t('vendors.dpaSignedOn')} value={form.dpaSignedOn} readOnly={!canEdit} onChange={(e) => setForm({ ...form, dpaSignedOn: e.target.value })} error={fieldError(save.error, 'dpaSignedOn')} />
          <Textfield id={localFields.dpaReference} label={t('vendors.dpaReference')} value={form.dpaReference} readOnly={!canEdit} onChange={(e) => setForm({ ...form, dpaReference: e.target.value })} error={fieldError(save.error, 'dpaReference')} />
          <Textfield id={localFields.localContact} label={t('vendors.localContact')} value={form.localContact} readOnly={!canEdit} onChange={(e) => setForm({ ...form, localContact: e.target.value })} error={fieldError(save.error, 'localContact')} />
        </div>
        <Textfield id={localFields.notes} label={t('vendors.localNotes')} multiline rows={3} value={form.notes} readOnly={!canEdit} onChange={(e) => setForm({ ...form, notes: e.target.value })} error={fieldError(save.error, 'notes')} />
        {canEdit ? (
          <div>
            <Button type="submit" disabled={save.isPending}>
              {t('vendors.saveLocal')}
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}

function Products({ vendor, manage }: { vendor: VendorDetailDto; manage: boolean }) {
  const { t, formatDate } = useI18n();
  return (
    <div className="stack">
      {vendor.products.length ? (
        <div className="table-wrap">
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('vendors.product')}</Table.HeaderCell>
                <Table.HeaderCell>{t('vendors.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('vendors.hostingCountries')}</Table.HeaderCell>
                <Table.HeaderCell>{t('vendors.personalData')}</Table.HeaderCell>
                <Table.HeaderCell>{t('systems.endOfSupportOn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {vendor.products.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>
                    {p.name}
                    {p.description ? <span className="muted"> – {p.description}</span> : null}
                  </Table.Cell>
                  <Table.Cell>
                    <FollowUpTag followUp={p.followUp} />
                  </Table.Cell>
                  <Table.Cell>{p.hostingCountries.map((c) => countryNames[c] ?? c).join(', ')}</Table.Cell>
                  <Table.Cell>{p.processesPersonalData === null ? '—' : p.processesPersonalData ? t('app.yes') : t('app.no')}</Table.Cell>
                  <Table.Cell>{p.endOfSupportOn ? formatDate(p.endOfSupportOn) : ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <Paragraph>{t('vendors.noProducts')}</Paragraph>
      )}
      {manage ? <AddProduct vendorId={vendor.id} /> : null}
    </div>
  );
}

function SubProcessors({ vendor, manage }: { vendor: VendorDetailDto; manage: boolean }) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <Paragraph data-size="sm">{t('vendors.subProcessorsLead')} · GDPR art. 28(2) og 28(4)</Paragraph>
      {vendor.subProcessors.length ? (
        <div className="table-wrap">
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('vendors.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('vendors.purpose')}</Table.HeaderCell>
                <Table.HeaderCell>{t('vendors.country')}</Table.HeaderCell>
                {manage ? <Table.HeaderCell>{t('vendors.actions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {vendor.subProcessors.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>{s.name}</Table.Cell>
                  <Table.Cell>{s.purpose ?? ''}</Table.Cell>
                  <Table.Cell>
                    {countryNames[s.country] ?? s.country}{' '}
                    {s.insideEea ? null : (
                      <Tag data-color="warning" data-size="sm">
                        {t('vendors.outsideEea')}
                        {s.transferBasis ? ` – ${t(`vendors.basis.${s.transferBasis}` as MessageKey)}` : ''}
                      </Tag>
                    )}
                  </Table.Cell>
                  {manage ? (
                    <Table.Cell>
                      <RemoveChild url={`/api/vendors/${vendor.id}/sub-processors/${s.id}`} label={t('vendors.remove')} name={s.name} />
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <Paragraph>{t('vendors.noSubProcessors')}</Paragraph>
      )}
      {manage ? <AddSubProcessor vendorId={vendor.id} /> : null}
    </div>
  );
}

