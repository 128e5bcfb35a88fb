import { Alert, Button, Checkbox, Dialog, Field, Fieldset, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import type { InvitationDto, MemberDto } from '../../../modules/users/contract';
import { municipalRoles, nationalRoles, type Role } from '../../../modules/users/roles';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { RoleTags } from '../../components/role-tags';
import { useI18n, type MessageKey } from '../../i18n';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useMembers } from '../organization/api';

export default function UsersPage() {
  const { t } = useI18n();
  const me = useMe();
  const members = useMembers();
  const canManage = me.data?.policies.users?.manageMembers === true;
  const roles: readonly Role[] = me.data?.organization?.kind === 'national' ? nationalRoles : municipalRoles;
  return (
    <Page title={t('nav.users')} lead={t('users.lead')}>
      {canManage ? <InviteForm roles={roles} /> : null}
      <QueryState query={members}>
        {(data) => (
          <>
            <MembersTable members={data.members} roles={roles} canManage={canManage} myId={me.data?.user.id ?? ''} />
            {canManage ? <PendingInvitations invitations={data.invitations} /> : null}
          </>
        )}
      </QueryState>
    </Page>
  );
}

const inviteFields = { email: 'invite-email', role: 'invite-role' };

function InviteForm({ roles }: { roles: readonly Role[] }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles[0]!);
  const invite = useMutation({
    mutationFn: () => api.post<{ emailSent: boolean; invitation: InvitationDto }>('/api/invitations', { email, role }),
    onSuccess: () => {
      setEmail('');
      void client.invalidateQueries({ queryKey: ['members'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <section aria-labelledby="invite-heading" className="stack">
      <Heading level={2} data-size="sm" id="invite-heading">
        {t('users.inviteTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('users.inviteHelp')}</Paragraph>
      <FormErrors error={invite.error} fieldIds={inviteFields} />
      {invite.isSuccess ? (
        <Alert data-color={invite.data.emailSent ? 'success' : 'warning'}>
          {invite.data.emailSent ? t('users.invited', { email: invite.data.invitation.email }) : t('users.invitedNoMail')}
        </Alert>
      ) : null}
      <form onSubmit={submit} className="row" noValidate>
        <Textfield id={inviteFields.email} label={t('users.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(invite.error, 'email')} required />
        <Field>
          <Label htmlFor={inviteFields.role}>{t('users.role')}</Label>
          <Select id={inviteFields.role} value={role} onChange={(e) => setRole(e.target.value as Role)}>
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

function MembersTable({ members, roles, canManage, myId }: { members: MemberDto[]; roles: readonly Role[]; canManage: boolean; myId: string }) {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="members-heading" className="stack">
      <Heading level={2} data-size="sm" id="members-heading">
        {t('users.members')}
      </Heading>
      <div className="table-wrap">
        <Table zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('users.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.email')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.roles')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.mfa')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.lastLogin')}</Table.HeaderCell>
              {canManage ? <Table.HeaderCell>{t('users.actions')}</Table.HeaderCell> : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {members.map((member) => (
              <Table.Row key={member.userId}>
                <Table.Cell>
                  {member.name} {member.userId === myId ? <span className="muted">{t('users.you')}</span> : null}
                </Table.Cell>
                <Table.Cell>{member.email}</Table.Cell>
                <Table.Cell>
                  <RoleTags roles={member.roles} />
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={member.mfaEnrolled ? 'success' : 'warning'} data-size="sm">
                    {member.mfaEnrolled ? t('app.yes') : t('app.no')}
                  </Tag>
                </Table.Cell>
                <Table.Cell>{member.lastLoginAt ? formatDate(member.lastLoginAt, true) : t('users.never')}</Table.Cell>
                {canManage ? (
                  <Table.Cell>
                    <div className="row">
                      <EditRoles member={member} roles={roles} />
                      <RemoveMember member={member} />
                    </div>
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

function EditRoles({ member, roles }: { member: MemberDto; roles: readonly Role[] }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [selected, setSelected] = useState<Role[]>(member.roles as Role[]);
  const save = useMutation({
    mutationFn: () => api.put(`/api/members/${member.userId}/roles`, { roles: selected }),
    onSuccess: () => {
      dialog.current?.close();
      void client.invalidateQueries({ queryKey: ['members'] });
      void client.invalidateQueries({ queryKey: ['me'] });
    },
  });
  const toggle = (role: Role, on: boolean) => setSelected((current) => (on ? [...current, role] : current.filter((r) => r !== role)));
  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={() => dialog.current?.showModal()}>
        {t('users.editRoles')}
      </Button>
      <Dialog ref={dialog} closedby="any" aria-labelledby={`roles-${member.userId}`}>
        <Dialog.Block>
          <Heading level={2} data-size="xs" id={`roles-${member.userId}`}>
            {t('users.editRolesFor', { name: member.name })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <FormErrors error={save.error} fieldIds={{}} />
          <Fieldset>
            <Fieldset.Legend>{t('users.roles')}</Fieldset.Legend>
            {roles.map((role) => (
              <Checkbox
                key={role}
                label={t(`role.${role}` as MessageKey)}
                description={t(`users.roleHelp.${role}` as MessageKey)}
                checked={selected.includes(role)}
                onChange={(e) => toggle(role, e.target.checked)}
                value={role}
              />
            ))}
          </Fieldset>
          <div className="row">
            <Button onClick={() => save.mutate()} disabled={save.isPending}>
              {t('app.save')}
            </Button>
            <Button variant="tertiary" onClick={() => dialog.current?.close()}>
              {t('app.cancel')}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}

function RemoveMember({ member }: { member: MemberDto }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/members/${member.userId}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['members'] }),
  });
  return (
    <ConfirmDialog
      headingId={`remove-${member.userId}`}
      trigger={{ label: t('users.remove'), variant: 'tertiary', danger: true, small: true }}
      title={t('users.remove')}
      confirm={{ label: t('users.remove'), danger: true }}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={(close) => remove.mutate(undefined, { onSuccess: close })}
    >
      <Paragraph>{t('users.removeConfirm', { name: member.name })}</Paragraph>
    </ConfirmDialog>
  );
}

function PendingInvitations({ invitations }: { invitations: InvitationDto[] }) {
  const { t, formatDate } = useI18n();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['members'] });
  const resend = useMutation({ mutationFn: (id: string) => api.post(`/api/invitations/${id}/resend`), onSuccess: refresh });
  const revoke = useMutation({ mutationFn: (id: string) => api.delete(`/api/invitations/${id}`), onSuccess: refresh });
  return (
    <section aria-labelledby="pending-heading" className="stack">
      <Heading level={2} data-size="sm" id="pending-heading">
        {t('users.pending')}
      </Heading>
      <FormErrors error={resend.error ?? revoke.error} fieldIds={{}} />
      {invitations.length === 0 ? (
        <Paragraph>{t('users.noPending')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('users.email')}</Table.HeaderCell>
                <Table.HeaderCell>{t('users.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('users.expires')}</Table.HeaderCell>
                <Table.HeaderCell>{t('users.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {invitations.map((invitation) => (
                <Table.Row key={invitation.id}>
                  <Table.Cell>{invitation.email}</Table.Cell>
                  <Table.Cell>{t(`role.${invitation.role}` as MessageKey)}</Table.Cell>
                  <Table.Cell>{invitation.expired ? <Tag data-color="warning">{t('users.expired')}</Tag> : formatDate(invitation.expiresAt, true)}</Table.Cell>
                  <Table.Cell>
                    <div className="row">
                      <Button variant="secondary" data-size="sm" onClick={() => resend.mutate(invitation.id)} disabled={resend.isPending}>
                        {t('users.resend')}
                      </Button>
                      <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => revoke.mutate(invitation.id)} disabled={revoke.isPending}>
                        {t('users.revoke')}
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
