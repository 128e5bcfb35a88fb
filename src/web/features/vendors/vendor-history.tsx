import { Paragraph, Table } from '@digdir/designsystemet-react';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { useVendorHistory } from './api';

/** Every change to the vendor in the registry, read back from the audit trail. */
export function VendorHistory({ vendorId }: { vendorId: string }) {
  const { t, formatDate } = useI18n();
  const history = useVendorHistory(vendorId, true);
  return (
    <QueryState query={history}>
      {(data) =>
        data.items.length ? (
          <div className="table-wrap">
            <Table zebra>
              <caption className="visually-hidden">{t('vendors.tabHistory')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('vendors.when')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('vendors.who')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('vendors.what')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.items.map((h) => (
                  <Table.Row key={h.id}>
                    <Table.Cell>{formatDate(h.occurredAt, true)}</Table.Cell>
                    <Table.Cell>{h.actorName ?? t('vendors.system')}</Table.Cell>
                    <Table.Cell>
                      {t(`vendors.history.${h.action}` as MessageKey, { entity: t(`vendors.entity.${h.entity}` as MessageKey) })}
                      {h.subject ? `: ${h.subject}` : ''}
                      {h.changedFields.length ? <span className="muted"> ({h.changedFields.join(', ')})</span> : null}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ) : (
          <Paragraph>{t('vendors.noHistory')}</Paragraph>
        )
      }
    </QueryState>
  );
}
