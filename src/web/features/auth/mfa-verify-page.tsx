import { Button, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, setCsrfToken } from '../../api/client';
import { useAuthStatus, useResetSession } from '../../api/session';
import { FormErrors, fieldError } from '../../components/form-errors';
import { useT } from '../../i18n';
import { AuthShell } from './auth-shell';

const fieldIds = { code: 'mfa-code' };

/** Where to go after login: the page the person asked for, if it is one of ours. */
export function nextPath(params: URLSearchParams): string {
  const next = params.get('neste');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function MfaVerifyPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = useAuthStatus();
  const reset = useResetSession();
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: () => api.post<{ usedRecoveryCode: boolean; csrfToken: string }>('/api/auth/mfa/verify', { code }),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      await reset();
      navigate(result.usedRecoveryCode ? '/profil?gjenoppretting=1' : nextPath(params));
    },
  });
  if (status.data?.state === 'anonymous') return <Navigate to="/innlogging" replace />;
  if (status.data?.state === 'mfa_enrolment') return <Navigate to="/innlogging/oppsett" replace />;
  if (status.data?.state === 'active') return <Navigate to="/" replace />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };
  return (
    <AuthShell title={t('auth.mfaTitle')} lead={t('auth.mfaLead')}>
      <FormErrors error={verify.error} fieldIds={fieldIds} />
      <form onSubmit={submit} className="stack" noValidate>
        <Textfield
          id={fieldIds.code}
          label={t('auth.code')}
          inputMode="text"
          autoComplete="one-time-code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={fieldError(verify.error, 'code')}
          required
        />
        <Button type="submit" disabled={verify.isPending || status.isPending}>
          {t('auth.confirm')}
        </Button>
      </form>
      <Link to="/innlogging">{t('auth.startOver')}</Link>
    </AuthShell>
  );
}
