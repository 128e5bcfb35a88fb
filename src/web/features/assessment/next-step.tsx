import { useMe } from '../../api/session';
import { useI18n } from '../../i18n';
import { useOverview } from './api';

export interface NextStep {
  key: string;
  text: string;
  to: string;
}

/**
 * The self-assessment's next step for the start page's "Neste steg": one sentence and one link, chosen from
 * where the municipality stands (assess → plan → act → review); nothing when all is done.
 */
export function useAssessmentNextStep(): NextStep | null {
  const { t } = useI18n();
  const me = useMe();
  const allowed = me.data?.policies.assessment?.view === true;
  const overview = useOverview(allowed);
  if (!allowed || !overview.data) return null;
  const { next, onlyAssigned } = overview.data;
  switch (next.kind) {
    case 'assess':
      return {
        key: 'assessment',
        text: onlyAssigned ? t('next.assessAssigned', { count: next.count }) : t('next.assess', { count: next.count, high: next.highPriority }),
        to: '/egenvurdering?status=not_assessed&sort=priority',
      };
    case 'plan':
      return { key: 'assessment', text: t('next.plan', { count: next.count }), to: '/handlingsplan' };
    case 'act':
      return { key: 'assessment', text: t('next.act', { count: next.count }), to: '/handlingsplan?overdue=true' };
    case 'review':
      return { key: 'assessment', text: t('next.review', { count: next.count }), to: '/egenvurdering' };
    default:
      return null;
  }
}
