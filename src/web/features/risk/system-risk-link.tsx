import { Card, Heading, List } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { useAssessments } from './api';

/** On the system page: the system's risk assessments, and a way to start one. */
export function SystemRiskLink({ systemId }: { systemId: string }) {
  const { t } = useI18n();
  const list = useAssessments(systemId);
  if (!list.data) return null;
  return (
    <Card>
      <Heading level={2} data-size="xs">
        {t('risk.systemLink')}
      </Heading>
      <List.Unordered data-size="sm">
        {list.data.items.map((item) => (
          <List.Item key={item.id}>
            <Link to={`/risikovurdering/${item.id}`}>{item.title}</Link> ({t(`risk.status.${item.status}`)})
          </List.Item>
        ))}
        {list.data.policies.edit ? (
          <List.Item>
            <Link to={`/risikovurdering/ny?system=${systemId}`}>{t('risk.startForSystem')}</Link>
          </List.Item>
        ) : null}
      </List.Unordered>
    </Card>
  );
}
