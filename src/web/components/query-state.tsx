import { Alert, Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useT } from '../i18n';

/** Loading, failure (with a retry) or the data. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const t = useT();
  if (query.isPending) return <Spinner aria-label={t('app.loading')} data-size="md" />;
  if (query.isError) {
    const error = query.error;
    return (
      <Alert data-color="danger">
        <Paragraph>{error instanceof ApiError ? error.message : t('app.loadFailed')}</Paragraph>
        {error instanceof ApiError && error.requestId ? <Paragraph data-size="sm">{t('app.requestId', { id: error.requestId })}</Paragraph> : null}
        <Button variant="secondary" data-size="sm" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </Alert>
    );
  }
  return <>{children(query.data as T)}</>;
}
