import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { FormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { useNotifications } from './api';

/** What has changed centrally for the vendors the municipality uses. */
export default function NotificationsPage() {
  const { t, formatDate } = useI18n();
  const client = useQueryClient();
  const notifications = useNotifications();
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({ mutationFn: (id: string) => api.post(`/api/notifications/${id}/read`), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => api.post('/api/notifications/read-all'), onSuccess: refresh });
  return (
    <QueryState query={notifications}>
      {(data) => (
        <Page
          title={t('notifications.title')}
          lead={data.unread ? t('notifications.unread', { count: data.unread }) : t('notifications.allRead')}
          actions={
            data.unread ? (
              <Button variant="secondary" onClick={() => readAll.mutate()} disabled={readAll.isPending}>
                {t('notifications.readAll')}
              </Button>
            ) : null
          }
        >
          <FormErrors error={read.error ?? readAll.error} fieldIds={{}} />
          {data.items.length ? (
            <ul className="stack">
              {data.items.map((n) => (
                <li key={n.id}>
                  <Card data-color={n.read ? 'neutral' : 'info'}>
                    <Heading level={2} data-size="2xs">
                      {n.read ? null : (
                        <Tag data-color="info" data-size="sm">
                          {t('notifications.new')}
                        </Tag>
                      )}{' '}
                      {n.title}
                    </Heading>
                    {n.body ? <Paragraph data-size="sm">{n.body}</Paragraph> : null}
                    <Paragraph data-size="sm" className="muted">
                      {formatDate(n.createdAt, true)}
                    </Paragraph>
                    <div className="row">
                      {n.link ? (
                        <Link to={n.link} onClick={() => (n.read ? undefined : read.mutate(n.id))}>
                          {t('notifications.open')}
                        </Link>
                      ) : null}
                      {n.read ? null : (
                        <Button variant="tertiary" data-size="sm" onClick={() => read.mutate(n.id)}>
                          {t('notifications.markRead')}
                        </Button>
                      )}
                    </div>
                  </Card>
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>{t('notifications.none')}</Paragraph>
          )}
        </Page>
      )}
    </QueryState>
  );
}
