import { Alert, ErrorSummary, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { ApiError } from '../api/client';
import { useT } from '../i18n';

/**
 * Errors from a form's last submission: a summary at the top linking to each field (by `fieldId`), or the
 * general message when the error concerns no field.
 */
export function FormErrors({ error, fieldIds }: { error: unknown; fieldIds: Record<string, string> }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  if (!(error instanceof ApiError)) return <Alert data-color="danger">{t('app.loadFailed')}</Alert>;
  const fields = Object.entries(error.fieldErrors()).filter(([field]) => fieldIds[field]);
  if (!fields.length) {
    return (
      <Alert data-color="danger" ref={ref} tabIndex={-1}>
        <Paragraph>{error.message}</Paragraph>
      </Alert>
    );
  }
  return (
    <div ref={ref} tabIndex={-1}>
    <ErrorSummary>
      <ErrorSummary.Heading>{t('app.errorSummary')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {fields.map(([field, message]) => (
          <ErrorSummary.Item key={field}>
            <ErrorSummary.Link href={`#${fieldIds[field]}`}>{message}</ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
    </div>
  );
}

/** The message for one field from the last error, for the field's own `error` prop. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldErrors()[field] : undefined;
}
