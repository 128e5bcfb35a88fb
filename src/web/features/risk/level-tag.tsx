import { Tag } from '@digdir/designsystemet-react';
import type { RiskLevelId, RiskMatrix } from '../../../modules/risk/content';
import { useI18n } from '../../i18n';

/** Fill colours for the risk levels: light enough for dark text (contrast well above 4.5:1). */
export const levelFill: Record<RiskLevelId, string> = { low: '#b7e1b9', medium: '#fbe88a', high: '#f9b36b', very_high: '#ec8a8a' };
const tagColor: Record<RiskLevelId, 'success' | 'warning' | 'danger'> = { low: 'success', medium: 'warning', high: 'danger', very_high: 'danger' };

export function LevelTag({ level, matrix }: { level: RiskLevelId | null; matrix: RiskMatrix | undefined }) {
  const { t } = useI18n();
  if (!level) return <span className="muted">{t('risk.level.none')}</span>;
  return (
    <Tag data-color={tagColor[level]} data-size="sm">
      {matrix?.risk_levels.find((l) => l.id === level)?.name ?? level}
    </Tag>
  );
}
