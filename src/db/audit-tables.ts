/**
 * Which tables the audit trigger covers, and how. Every table in the public schema is audited unless it is
 * listed in `notAudited`; a table with an `organization_id` column is chained to that organisation.
 */
export const notAudited = new Set(['sessions', 'audit_events', 'audit_chain_heads']);

export const auditOptions: Record<string, { organizationColumn?: string; redact?: string[] }> = {
  organizations: { organizationColumn: 'id' },
  users: { redact: ['password_hash', 'totp_secret'] },
  recovery_codes: { redact: ['code_hash'] },
  invitations: { redact: ['token_hash'] },
};

// Assessment: the bytes of evidence files (their metadata row in `evidence`, with a sha256, is audited) and
// the derived compliance summaries (recomputed from audited answers).
notAudited.add('evidence_files');
notAudited.add('compliance_summaries');
// The e-mail outbox is an operational queue (like sessions): what it sends is derived from an audited change
// and an audited notification, and each row keeps its own attempts, error and sent time.
notAudited.add('email_outbox');
