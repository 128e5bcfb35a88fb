import { Tag } from '@digdir/designsystemet-react';
import type { Criticality, MfaState } from '../../../modules/systems/fields';
import { useI18n, type MessageKey } from '../../i18n';

export function CriticalityTag({ value }: { value: Criticality | null }) {
  const { t } = useI18n();
  if (!value) return <span className="muted">{t('systems.notSet')}</span>;
  const color = value === 'critical' ? 'danger' : value === 'important' ? 'warning' : 'neutral';
  return (
    <Tag data-color={color} data-size="sm">
      {t(`systems.criticality.${value}` as MessageKey)}
    </Tag>
  );
}

export function MfaTag({ value }: { value: MfaState }) {
  const { t } = useI18n();
  const color = value === 'yes' ? 'success' : value === 'unknown' ? 'neutral' : 'warning';
  return (
    <Tag data-color={color} data-size="sm">
      {t(`systems.mfa.${value}` as MessageKey)}
    </Tag>
  );
}
