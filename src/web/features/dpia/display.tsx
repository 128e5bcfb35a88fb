import { Tag } from '@digdir/designsystemet-react';
import type { ScreeningOutcome, DpiaStatus } from '../../../modules/dpia/schema';
import { useT, type MessageKey } from '../../i18n';

const statusColor: Record<DpiaStatus, 'neutral' | 'info' | 'warning' | 'success'> = { draft: 'neutral', in_review: 'info', awaiting_approval: 'warning', approved: 'success' };
const outcomeColor: Record<ScreeningOutcome, 'danger' | 'warning' | 'success'> = { required: 'danger', recommended: 'warning', not_required: 'success' };

export function StatusTag({ status }: { status: DpiaStatus }) {
  const t = useT();
  return (
    <Tag data-color={statusColor[status]} data-size="sm">
      {t(`dpia.status.${status}` as MessageKey)}
    </Tag>
  );
}

export function OutcomeTag({ outcome }: { outcome: ScreeningOutcome }) {
  const t = useT();
  return (
    <Tag data-color={outcomeColor[outcome]} data-size="sm">
      {t(`dpia.outcome.${outcome}` as MessageKey)}
    </Tag>
  );
}

/** Text for any template value (text, list, mapping). */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nei';
  if (Array.isArray(value)) return value.map(showValue).join('; ');
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map(showValue).join(' – ');
  return String(value);
}
