import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { VendorDetailDto } from '../../../modules/vendors/contract';
import { certificationNames, type CertificationKind } from '../../../modules/vendors/fields';
import { useI18n, type MessageKey } from '../../i18n';
import { AddAuditReport, AddCertification, AddFinding, AddIncident, CloseFinding, RemoveChild } from './vendor-forms';

const certColor = { valid: 'success', expiring: 'warning', expired: 'danger', unknown: 'neutral' } as const;

export function Certifications({ vendor, manage }: { vendor: VendorDetailDto; manage: boolean }) {
  const { t, formatDate } = useI18n();
  return (
    <div className="stack">
      {vendor.certifications.length ? (
        <div className="table-wrap">
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('vendors.certification')}</Table.HeaderCell>
                <Table.HeaderCell>{t('vendors.scope')}</Table.HeaderCell>
                <Table.HeaderCell>{t('vendors.validUntil')}</Table.HeaderCell>
                {manage ? <Table.HeaderCell>{t('vendors.actions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {vendor.certifications.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>{c.kind === 'other' && c.name ? c.name : certificationNames[c.kind as CertificationKind]}</Table.Cell>
                  <Table.Cell>{c.scope ?? ''}</Table.Cell>
                  <Table.Cell>
                    {c.validUntil ? formatDate(c.validUntil) : ''}{' '}
                    <Tag data-color={certColor[c.state]} data-size="sm">
                      {t(`vendors.cert.${c.state}` as MessageKey)}
                    </Tag>
                  </Table.Cell>
                  {manage ? (
                    <Table.Cell>
                      <RemoveChild url={`/api/vendors/${vendor.id}/certifications/${c.id}`} label={t('vendors.remove')} name={certificationNames[c.kind as CertificationKind]} />
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <Paragraph>{t('vendors.noCertifications')}</Paragraph>
      )}
      {manage ? <AddCertification vendorId={vendor.id} /> : null}
      <Heading level={3} data-size="2xs">
        {t('vendors.auditReports')}
      </Heading>
      {vendor.auditReports.length ? (
        <ul className="stack">
          {vendor.auditReports.map((r) => (
            <li key={r.id}>
              <strong>{r.title}</strong> ({t(`vendors.report.${r.kind}` as MessageKey)}
              {r.reportDate ? `, ${formatDate(r.reportDate)}` : ''}){r.summary ? ` – ${r.summary}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('vendors.noAuditReports')}</Paragraph>
      )}
      {manage ? <AddAuditReport vendorId={vendor.id} /> : null}
    </div>
  );
}

export function Findings({ vendor, manage }: { vendor: VendorDetailDto; manage: boolean }) {
  const { t, formatDate } = useI18n();
  const productName = (id: string | null) => vendor.products.find((p) => p.id === id)?.name;
  return (
    <div className="stack">
      {vendor.findings.length ? (
        <div className="table-wrap">
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('vendors.finding')}</Table.HeaderCell>
                <Table.HeaderCell>{t('vendors.severity')}</Table.HeaderCell>
                <Table.HeaderCell>{t('vendors.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('vendors.followUpText')}</Table.HeaderCell>
                {manage ? <Table.HeaderCell>{t('vendors.actions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {vendor.findings.map((f) => (
                <Table.Row key={f.id}>
                  <Table.Cell>
                    {f.title}
                    {productName(f.productId) ? <span className="muted"> ({productName(f.productId)})</span> : null}
                  </Table.Cell>
                  <Table.Cell>{t(`vendors.severity.${f.severity}` as MessageKey)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={f.status === 'open' ? 'danger' : 'success'} data-size="sm">
                      {t(`vendors.findingStatus.${f.status}` as MessageKey)}
                    </Tag>
                    {f.dueOn && f.status === 'open' ? <span className="muted"> {t('vendors.dueOn', { date: formatDate(f.dueOn) })}</span> : null}
                  </Table.Cell>
                  <Table.Cell>{f.followUp ?? ''}</Table.Cell>
                  {manage ? <Table.Cell>{f.status === 'open' ? <CloseFinding vendorId={vendor.id} finding={f} /> : null}</Table.Cell> : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <Paragraph>{t('vendors.noFindings')}</Paragraph>
      )}
      {manage ? <AddFinding vendor={vendor} /> : null}
      <Heading level={3} data-size="2xs">
        {t('vendors.incidents')}
      </Heading>
      {vendor.incidents.length ? (
        <ul className="stack">
          {vendor.incidents.map((i) => (
            <li key={i.id}>
              <strong>{formatDate(i.occurredOn)}:</strong> {i.title}
              {i.personalDataAffected ? ` – ${t('vendors.personalDataAffected')}` : ''}
              {i.description ? <Paragraph data-size="sm">{i.description}</Paragraph> : null}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('vendors.noIncidents')}</Paragraph>
      )}
      {manage ? <AddIncident vendor={vendor} /> : null}
    </div>
  );
}

export function Reviews({ vendor }: { vendor: VendorDetailDto }) {
  const { t, formatDate } = useI18n();
  if (!vendor.reviews.length) return <Paragraph>{t('vendors.noReviews')}</Paragraph>;
  return (
    <ul className="stack">
      {vendor.reviews.map((r) => (
        <li key={r.id}>
          <strong>
            {formatDate(r.reviewedOn)}: {t(`vendors.conclusion.${r.conclusion}` as MessageKey)}
          </strong>{' '}
          – {r.summary} <span className="muted">({t('vendors.nextReviewOn', { date: formatDate(r.nextReviewOn) })}{r.reviewerName ? `, ${r.reviewerName}` : ''})</span>
        </li>
      ))}
    </ul>
  );
}
