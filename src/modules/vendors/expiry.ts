import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { queryRows } from '../../db/sql';
import { recordChange } from './changes';
import { certificationNames, type CertificationKind } from './fields';

/**
 * Publishes one change per certificate that has expired (keyed by certificate and expiry date, so a renewed
 * certificate that expires again is a new change, and the check may run as often as it likes). Runs in the
 * outbox worker's national transaction, or when the national team asks.
 */
export async function publishExpiredCertifications(tx: Tx, today: string): Promise<number> {
  const expired = await queryRows<{ id: string; vendor_id: string; vendor_name: string; kind: CertificationKind; name: string | null; valid_until: string }>(
    tx,
    sql`select c.id, c.vendor_id, v.name as vendor_name, c.kind, c.name, c.valid_until::text as valid_until
          from vendor_certifications c join vendors v on v.id = c.vendor_id
         where c.valid_until < ${today}::date
           and not exists (select 1 from vendor_changes ch where ch.dedupe_key = 'certification-expired:' || c.id::text || ':' || c.valid_until::text)`,
  );
  for (const cert of expired) {
    const label = cert.kind === 'other' && cert.name ? cert.name : certificationNames[cert.kind];
    await recordChange(tx, {
      vendorId: cert.vendor_id,
      kind: 'certification_expired',
      title: `Sertifikatet ${label} hos ${cert.vendor_name} er utløpt (${cert.valid_until})`,
      summary: 'Leverandøren er satt til oppfølging til et nytt sertifikat er registrert.',
      dedupeKey: `certification-expired:${cert.id}:${cert.valid_until}`,
      createdBy: null,
    });
  }
  return expired.length;
}
