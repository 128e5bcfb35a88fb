import { Alert, Button, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, setCsrfToken } from '../../api/client';
import { useAuthStatus, useResetSession } from '../../api/session';
import { FormErrors, fieldError } from '../../components/form-errors';
import { useT } from '../../i18n';
import { AuthShell } from './auth-shell';
import { nextPath } from './mfa-verify-page';

const fieldIds = { code: 'enrol-code' };

export default function MfaEnrolPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = useAuthStatus();
  const reset = useResetSession();
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const enrolment = useQuery({
    queryKey: ['mfa-enrolment'],
    queryFn: () => api.get<{ secret: string; qrSvg: string; uri: string }>('/api/auth/mfa/enrolment'),
    enabled: status.data?.state === 'mfa_enrolment',
    staleTime: Infinity,
    gcTime: 0,
  });
  const finish = useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[]; csrfToken: string }>('/api/auth/mfa/enrolment', { code }),
    onSuccess: (result) => {
      setCsrfToken(result.csrfToken);
      setRecoveryCodes(result.recoveryCodes);
    },
  });

  if (recoveryCodes) {
    return (
      <AuthShell title={t('auth.enrolDone')} lead={t('auth.recoveryCodesLead')}>
        <ul className="code-list" aria-label={t('auth.enrolDone')}>
          {recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <Button
          onClick={async () => {
            await reset();
            navigate(nextPath(params));
          }}
        >
          {t('auth.continue')}
        </Button>
      </AuthShell>
    );
  }
  if (status.data?.state === 'anonymous') return <Navigate to="/innlogging" replace />;
  if (status.data?.state === 'mfa_required') return <Navigate to="/innlogging/tofaktor" replace />;
  if (status.data?.state === 'active') return <Navigate to="/" replace />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    finish.mutate();
  };
  return (
    <AuthShell title={t('auth.enrolTitle')}>
      <Paragraph>{t('auth.enrolStep1')}</Paragraph>
      {enrolment.isPending ? (
        <Spinner aria-label={t('app.loading')} />
      ) : enrolment.isError ? (
        <Alert data-color="danger">{enrolment.error.message}</Alert>
      ) : (
        <>
          <div className="qr" role="img" aria-label={t('auth.qrAlt')} dangerouslySetInnerHTML={{ __html: enrolment.data.qrSvg }} />
          <Paragraph data-size="sm">
            {t('auth.enrolSecret')} <span className="secret">{enrolment.data.secret}</span>
          </Paragraph>
        </>
      )}
      <Paragraph>{t('auth.enrolStep2')}</Paragraph>
      <FormErrors error={finish.error} fieldIds={fieldIds} />
      <form onSubmit={submit} className="stack" noValidate>
        <Textfield
          id={fieldIds.code}
          label={t('auth.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={fieldError(finish.error, 'code')}
          required
        />
        <Button type="submit" disabled={finish.isPending || !enrolment.data}>
          {t('auth.confirm')}
        </Button>
      </form>
    </AuthShell>
  );
}
