import { Alert, Button, Card, Field, Heading, Label, List, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { OrganizationDto } from '../../../modules/organizations/contract';
import type { InvitationDto } from '../../../modules/users/contract';
import { municipalRoles, nationalRoles, type Role } from '../../../modules/users/roles';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';

interface Detail {
  organization: OrganizationDto;
  cooperationMembers: { id: string; name: string; municipalityNumber: string | null }[];
}

export default function RegistryDetailPage() {
  const { t, formatNumber } = useI18n();
  const { id = '' } = useParams();
  const me = useMe();
  const detail = useQuery({ queryKey: ['registry', id], queryFn: () => api.get<Detail>(`/api/registry/organizations/${id}`) });
  return (
    <QueryState query={detail}>
      {({ organization: org, cooperationMembers }) => (
        <Page title={org.name} lead={t(`kind.${org.kind}` as MessageKey)}>
          <Link to="/register">{t('registry.back')}</Link>
          <Card>
            <dl className="facts">
              {org.municipalityNumber ? (
                <>
                  <dt>{t('org.municipalityNumber')}</dt>
                  <dd>{org.municipalityNumber}</dd>
                </>
              ) : null}
              {org.countyName ? (
                <>
                  <dt>{t('org.county')}</dt>
                  <dd>{org.countyName}</dd>
                </>
              ) : null}
              {org.population !== null ? (
                <>
                  <dt>{t('org.population')}</dt>
                  <dd>{formatNumber(org.population)}</dd>
                </>
              ) : null}
              {org.languageForm ? (
                <>
                  <dt>{t('org.languageForm')}</dt>
                  <dd>{t(`languageForm.${org.languageForm}` as MessageKey)}</dd>
                </>
              ) : null}
            </dl>
          </Card>
          {cooperationMembers.length ? (
            <section className="stack">
              <Heading level={2} data-size="sm">
                {t('registry.cooperationMembers')}
              </Heading>
              <List.Unordered>
                {cooperationMembers.map((m) => (
                  <List.Item key={m.id}>
                    <Link to={`/register/${m.id}`}>{m.name}</Link>
                  </List.Item>
                ))}
              </List.Unordered>
            </section>
          ) : null}
          {me.data?.policies.organizations?.manageRegistry ? <InviteFirstAdmin organization={org} /> : null}
        </Page>
      )}
    </QueryState>
  );
}

const fields = { email: 'registry-invite-email', role: 'registry-invite-role' };

function InviteFirstAdmin({ organization }: { organization: OrganizationDto }) {
  const { t } = useI18n();
  const roles: readonly Role[] = organization.kind === 'national' ? nationalRoles : municipalRoles;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('administrator');
  const invite = useMutation({
    mutationFn: () => api.post<{ emailSent: boolean; invitation: InvitationDto }>(`/api/registry/organizations/${organization.id}/invitations`, { email, role }),
    onSuccess: () => setEmail(''),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <section className="stack" aria-labelledby="registry-invite">
      <Heading level={2} data-size="sm" id="registry-invite">
        {t('registry.inviteAdmin')}
      </Heading>
      <Paragraph data-size="sm">{t('registry.inviteHelp')}</Paragraph>
      <FormErrors error={invite.error} fieldIds={fields} />
      {invite.isSuccess ? <Alert data-color={invite.data.emailSent ? 'success' : 'warning'}>{invite.data.emailSent ? t('users.invited', { email: invite.data.invitation.email }) : t('users.invitedNoMail')}</Alert> : null}
      <form className="row" onSubmit={submit} noValidate>
        <Textfield id={fields.email} label={t('users.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(invite.error, 'email')} />
        <Field>
          <Label htmlFor={fields.role}>{t('users.role')}</Label>
          <Select id={fields.role} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}` as MessageKey)}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={invite.isPending}>
          {t('users.sendInvitation')}
        </Button>
      </form>
    </section>
  );
}
