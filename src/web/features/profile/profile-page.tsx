import { Alert, Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useMe, type Me } from '../../api/session';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { RoleTags } from '../../components/role-tags';
import { useI18n } from '../../i18n';

export default function ProfilePage() {
  const { t } = useI18n();
  const me = useMe();
  const [params] = useSearchParams();
  return (
    <QueryState query={me}>
      {(data) => (
        <Page title={t('app.profile')} lead={t('profile.lead')}>
          {params.get('gjenoppretting') ? <Alert data-color="warning">{t('profile.recoveryUsedWarning')}</Alert> : null}
          <div className="grid-cards">
            <NameCard me={data} />
            <Card>
              <Heading level={2} data-size="sm">
                {t('profile.memberships')}
              </Heading>
              <ul className="stack">
                {data.memberships.map((m) => (
                  <li key={m.organizationId}>
                    {m.name} <RoleTags roles={m.roles} />
                  </li>
                ))}
              </ul>
            </Card>
          </div>
          {data.session.authMethod === 'password' ? <PasswordCard /> : <Paragraph>{t('profile.oidcNote')}</Paragraph>}
          <RecoveryCard />
        </Page>
      )}
    </QueryState>
  );
}

function NameCard({ me }: { me: Me }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [name, setName] = useState(me.user.name);
  const save = useMutation({ mutationFn: () => api.patch('/api/me', { name }), onSuccess: () => client.invalidateQueries({ queryKey: ['me'] }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Card>
      <form className="stack" onSubmit={submit} noValidate>
        <FormErrors error={save.error} fieldIds={{ name: 'profile-name' }} />
        {save.isSuccess ? <Alert data-color="success">{t('app.saved')}</Alert> : null}
        <Textfield id="profile-name" label={t('profile.name')} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(save.error, 'name')} />
        <Textfield id="profile-email" label={t('profile.email')} value={me.user.email} readOnly />
        <div>
          <Button type="submit" disabled={save.isPending}>
            {t('app.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

const passwordFields = { currentPassword: 'profile-current-password', newPassword: 'profile-new-password' };

function PasswordCard() {
  const { t } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () => api.post('/api/me/password', { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <Card>
      <Heading level={2} data-size="sm">
        {t('profile.changePassword')}
      </Heading>
      <form className="stack" onSubmit={submit} noValidate>
        <FormErrors error={change.error} fieldIds={passwordFields} />
        {change.isSuccess ? <Alert data-color="success">{t('profile.passwordChanged')}</Alert> : null}
        <Textfield id={passwordFields.currentPassword} label={t('profile.currentPassword')} type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} error={fieldError(change.error, 'currentPassword')} />
        <Textfield
          id={passwordFields.newPassword}
          label={t('profile.newPassword')}
          description={t('auth.passwordHelp')}
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          error={fieldError(change.error, 'newPassword') ?? fieldError(change.error, 'password')}
        />
        <div>
          <Button type="submit" disabled={change.isPending}>
            {t('profile.changePassword')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function RecoveryCard() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const renew = useMutation({ mutationFn: () => api.post<{ recoveryCodes: string[] }>('/api/me/recovery-codes', { code }), onSuccess: () => setCode('') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    renew.mutate();
  };
  return (
    <Card>
      <Heading level={2} data-size="sm">
        {t('profile.recoveryCodes')}
      </Heading>
      <Paragraph>{t('profile.recoveryLead')}</Paragraph>
      <FormErrors error={renew.error} fieldIds={{ code: 'profile-totp' }} />
      {renew.isSuccess ? (
        <>
          <Alert data-color="success">{t('auth.recoveryCodesLead')}</Alert>
          <ul className="code-list">
            {renew.data.recoveryCodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
      <form className="row" onSubmit={submit} noValidate>
        <Textfield id="profile-totp" label={t('profile.totpCode')} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} error={fieldError(renew.error, 'code')} />
        <Button type="submit" variant="secondary" disabled={renew.isPending}>
          {t('profile.newCodes')}
        </Button>
      </form>
    </Card>
  );
}
