import { Tag } from '@digdir/designsystemet-react';
import type { TotalsDto } from '../../../modules/assessment/contract';
import type { NodeStatus } from '../../../modules/assessment/derive';
import type { AssessmentStatus } from '../../../modules/assessment/schema';
import { useI18n, type MessageKey } from '../../i18n';
import './assessment.css';

type TagColor = 'success' | 'warning' | 'danger' | 'neutral' | 'info';

export const assessmentStatusList = ['not_assessed', 'not_started', 'partial', 'implemented', 'not_relevant'] as const satisfies readonly AssessmentStatus[];

const statusColor: Record<AssessmentStatus, TagColor> = { implemented: 'success', partial: 'warning', not_started: 'danger', not_relevant: 'neutral', not_assessed: 'info' };
const nodeColor: Record<NodeStatus, TagColor> = { met: 'success', partial: 'warning', not_met: 'danger', not_relevant: 'neutral', not_assessed: 'info' };
const nodeKey: Record<NodeStatus, MessageKey> = {
  met: 'compliance.met',
  partial: 'compliance.partial',
  not_met: 'compliance.notMet',
  not_relevant: 'compliance.notRelevant',
  not_assessed: 'compliance.notAssessed',
};

/** A measure's status: the word always, the colour as a help. */
export function StatusTag({ status }: { status: AssessmentStatus }) {
  const { t } = useI18n();
  return (
    <Tag data-color={statusColor[status]} data-size="sm">
      {t(`status.${status}` as MessageKey)}
    </Tag>
  );
}

export function NodeStatusTag({ status }: { status: NodeStatus }) {
  const { t } = useI18n();
  return (
    <Tag data-color={nodeColor[status]} data-size="sm">
      {t(nodeKey[status])}
    </Tag>
  );
}

export function MaturityText({ level }: { level: number | null }) {
  const { t } = useI18n();
  return <>{level === null ? t('maturity.none') : `${level} – ${t(`maturity.${level}` as MessageKey)}`}</>;
}

/** Met / partly / not met as a bar, always with the same figures in words beside it. */
export function TotalsMeter({ totals }: { totals: TotalsDto }) {
  const { t } = useI18n();
  const applicable = totals.assessable - totals.notRelevant;
  const share = (n: number) => (applicable > 0 ? `${(100 * n) / applicable}%` : '0%');
  return (
    <div className="stack" data-size="sm">
      <div className="meter" aria-hidden="true">
        <span className="met" style={{ width: share(totals.met) }} />
        <span className="partial" style={{ width: share(totals.partial) }} />
        <span className="not-met" style={{ width: share(totals.notMet) }} />
      </div>
      <span>{t('compliance.summary', { met: totals.met, applicable, partial: totals.partial, notAssessed: totals.notAssessed })}</span>
    </div>
  );
}

/** A word for how well something is covered, so that a heat map never relies on colour alone. */
export function heatLevel(percent: number | null, assessed: boolean): { className: string; key: MessageKey } {
  if (!assessed || percent === null) return { className: 'heat-unknown', key: 'heat.unknown' };
  if (percent >= 75) return { className: 'heat-good', key: 'heat.good' };
  if (percent >= 40) return { className: 'heat-some', key: 'heat.some' };
  return { className: 'heat-weak', key: 'heat.weak' };
}
