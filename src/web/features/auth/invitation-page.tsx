import { Alert, Button, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../../api/client';
import { useAuthStatus, useResetSession } from '../../api/session';
import { FormErrors, fieldError } from '../../components/form-errors';
import { useT, type MessageKey } from '../../i18n';
import { AuthShell } from './auth-shell';

const STORAGE_KEY = 'samsvar.invitation';
const fieldIds = { name: 'invite-name', password: 'invite-password', token: 'invite-name' };

/** The token travels in the link's fragment (never sent to a server log); kept for the login round trip. */
function invitationToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) sessionStorage.setItem(STORAGE_KEY, fromHash);
  return fromHash ?? sessionStorage.getItem(STORAGE_KEY);
}

interface InvitationView {
  organizationName: string;
  email: string;
  role: string;
  expiresAt: string;
  accountExists: boolean;
}

export default function InvitationPage() {
  const t = useT();
  const navigate = useNavigate();
  const status = useAuthStatus();
  const reset = useResetSession();
  const [token] = useState(invitationToken);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.post<InvitationView>('/api/invitations/lookup', { token }),
    enabled: Boolean(token),
    retry: false,
  });
  const acceptNew = useMutation({
    mutationFn: () => api.post<{ csrfToken: string }>('/api/invitations/accept', { token, name, password }),
    onSuccess: async (result) => {
      sessionStorage.removeItem(STORAGE_KEY);
      setCsrfToken(result.csrfToken);
      await reset();
      navigate('/innlogging/oppsett');
    },
  });
  const acceptExisting = useMutation({
    mutationFn: () => api.post<{ organizationId: string }>('/api/invitations/accept-existing', { token }),
    onSuccess: async (result) => {
      sessionStorage.removeItem(STORAGE_KEY);
      await api.post('/api/session/organization', { organizationId: result.organizationId });
      await reset();
      navigate('/');
    },
  });

  if (!token) {
    return (
      <AuthShell title={t('auth.invitationTitle')}>
        <Alert data-color="warning">{t('auth.invitationMissing')}</Alert>
      </AuthShell>
    );
  }
  if (invitation.isPending) return <AuthShell title={t('auth.invitationTitle')}><Spinner aria-label={t('app.loading')} /></AuthShell>;
  if (invitation.isError) {
    return (
      <AuthShell title={t('auth.invitationTitle')}>
        <Alert data-color="danger">{invitation.error.message}</Alert>
      </AuthShell>
    );
  }
  const view = invitation.data;
  const lead = t('auth.invitationLead', { organization: view.organizationName, role: t(`role.${view.role}` as MessageKey).toLowerCase() });
  if (view.accountExists) {
    return (
      <AuthShell title={t('auth.invitationTitle')} lead={lead}>
        <Paragraph>{t('auth.invitationFor', { email: view.email })}</Paragraph>
        <FormErrors error={acceptExisting.error} fieldIds={{}} />
        {status.data?.state === 'active' ? (
          <Button onClick={() => acceptExisting.mutate()} disabled={acceptExisting.isPending}>
            {t('auth.acceptExisting')}
          </Button>
        ) : (
          <>
            <Paragraph>{t('auth.loginFirst')}</Paragraph>
            <Button asChild>
              <Link to="/innlogging?neste=%2Finvitasjon">{t('auth.login')}</Link>
            </Button>
          </>
        )}
      </AuthShell>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    acceptNew.mutate();
  };
  return (
    <AuthShell title={t('auth.invitationTitle')} lead={lead}>
      <Paragraph>{t('auth.invitationFor', { email: view.email })}</Paragraph>
      <FormErrors error={acceptNew.error} fieldIds={fieldIds} />
      <form onSubmit={submit} className="stack" noValidate>
        <Textfield id={fieldIds.name} label={t('auth.name')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError(acceptNew.error, 'name')} required />
        <Textfield
          id={fieldIds.password}
          label={t('auth.newPassword')}
          description={t('auth.passwordHelp')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(acceptNew.error, 'password')}
          required
        />
        <Button type="submit" disabled={acceptNew.isPending}>
          {t('auth.createAccount')}
        </Button>
      </form>
    </AuthShell>
  );
}
