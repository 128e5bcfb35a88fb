import { Alert, Button, Divider, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, setCsrfToken } from '../../api/client';
import { useAuthStatus, useResetSession } from '../../api/session';
import { FormErrors, fieldError } from '../../components/form-errors';
import { useT } from '../../i18n';
import { AuthShell } from './auth-shell';

const fieldIds = { email: 'login-email', password: 'login-password' };

export default function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = useAuthStatus();
  const reset = useResetSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => api.post<{ state: 'mfa_required' | 'mfa_enrolment'; csrfToken: string }>('/api/auth/login', { email, password }),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      await reset();
      const next = params.get('neste');
      const suffix = next && next.startsWith('/') && !next.startsWith('//') ? `?neste=${encodeURIComponent(next)}` : '';
      navigate(result.state === 'mfa_required' ? `/innlogging/tofaktor${suffix}` : `/innlogging/oppsett${suffix}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  const oidcError = params.get('feil');
  return (
    <AuthShell title={t('auth.loginTitle')} lead={t('auth.loginLead')}>
      {params.get('utlopt') ? <Alert data-color="info">{t('app.sessionExpired')}</Alert> : null}
      {oidcError ? (
        <Alert data-color="danger">
          {t(oidcError === 'OIDC_NO_ACCOUNT' ? 'auth.oidcNoAccount' : oidcError === 'ACCOUNT_LOCKED' ? 'auth.locked' : 'auth.oidcFailed')}
        </Alert>
      ) : null}
      <FormErrors error={login.error} fieldIds={fieldIds} />
      <form onSubmit={submit} className="stack" noValidate>
        <Textfield
          id={fieldIds.email}
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldError(login.error, 'email')}
          required
        />
        <Textfield
          id={fieldIds.password}
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldError(login.error, 'password')}
          required
        />
        <Button type="submit" disabled={login.isPending}>
          {t('auth.login')}
        </Button>
      </form>
      {status.data?.oidc.enabled ? (
        <>
          <Divider />
          <Button asChild variant="secondary">
            <a href="/api/auth/oidc/start">{status.data.oidc.label}</a>
          </Button>
        </>
      ) : null}
      {status.data?.demo ? <Paragraph data-size="sm" className="muted">{t('auth.demoHint')}</Paragraph> : null}
    </AuthShell>
  );
}
