import { Tag } from '@digdir/designsystemet-react';
import type { FollowUpDto } from '../../../modules/vendors/contract';
import { useI18n, type MessageKey } from '../../i18n';

const colors = { current: 'success', due: 'warning', findings_open: 'danger', not_assessed: 'neutral' } as const;

/** The central follow-up status, as the national team decided it (the UI only shows it). */
export function FollowUpTag({ followUp }: { followUp: FollowUpDto | null }) {
  const { t } = useI18n();
  if (!followUp) return <span className="muted">{t('followUp.none')}</span>;
  return (
    <Tag data-color={colors[followUp.status]} data-size="sm">
      {t(`followUp.${followUp.status}` as MessageKey)}
      {followUp.status === 'findings_open' ? ` (${followUp.openFindings})` : ''}
    </Tag>
  );
}
