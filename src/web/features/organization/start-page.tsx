import { Alert, Button, Card, Field, Heading, Label, List, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { OrganizationDto } from '../../../modules/organizations/contract';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { RoleTags } from '../../components/role-tags';
import { useI18n, type MessageKey } from '../../i18n';
import { useAssessmentNextStep } from '../assessment/next-step';
import { useMembers, useOrganization, useUpdateSettings } from './api';

export default function StartPage() {
  const { t } = useI18n();
  const organization = useOrganization();
  return (
    <QueryState query={organization}>
      {({ organization: org, policies }) => (
        <Page title={org.name} lead={t('org.lead')}>
          <NextSteps organization={org} canEdit={policies.editSettings} />
          <div className="grid-cards">
            <ProfileCard organization={org} />
            <AccessCard />
          </div>
          {policies.editSettings ? <SettingsCard organization={org} /> : null}
        </Page>
      )}
    </QueryState>
  );
}

function NextSteps({ organization, canEdit }: { organization: OrganizationDto; canEdit: boolean }) {
  const { t } = useI18n();
  const members = useMembers();
  const steps: { key: string; text: string; to?: string }[] = [];
  if (canEdit && members.data && members.data.members.length <= 1) steps.push({ key: 'invite', text: t('org.nextInvite'), to: '/brukere' });
  if (canEdit && !organization.dpoContact) steps.push({ key: 'dpo', text: t('org.nextDpo') });
  const assessmentStep = useAssessmentNextStep();
  if (assessmentStep) steps.push(assessmentStep);
  return (
    <Alert data-color={steps.length ? 'info' : 'success'}>
      <Heading level={2} data-size="xs">
        {t('org.nextSteps')}
      </Heading>
      {steps.length ? (
        <List.Unordered>
          {steps.map((step) => (
            <List.Item key={step.key}>{step.to ? <Link to={step.to}>{step.text}</Link> : step.text}</List.Item>
          ))}
        </List.Unordered>
      ) : (
        <Paragraph>{t('org.nextNone')}</Paragraph>
      )}
    </Alert>
  );
}

function ProfileCard({ organization: org }: { organization: OrganizationDto }) {
  const { t, formatNumber } = useI18n();
  return (
    <Card>
      <Heading level={2} data-size="sm">
        {t('org.profile')}
      </Heading>
      <dl className="facts">
        <dt>{t('app.organization')}</dt>
        <dd>{t(`kind.${org.kind}` as MessageKey)}</dd>
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
        {org.sizeGroup ? (
          <>
            <dt>{t('org.sizeGroup')}</dt>
            <dd>{org.sizeGroup}</dd>
          </>
        ) : null}
        {org.languageForm ? (
          <>
            <dt>{t('org.languageForm')}</dt>
            <dd>{t(`languageForm.${org.languageForm}` as MessageKey)}</dd>
          </>
        ) : null}
        <dt>{t('org.documentLanguage')}</dt>
        <dd>{t(`language.${org.documentLanguage}` as MessageKey)}</dd>
        <dt>{t('org.dpoContact')}</dt>
        <dd>{org.dpoContact ?? t('org.notRegistered')}</dd>
        {org.website ? (
          <>
            <dt>{t('org.website')}</dt>
            <dd>
              <a href={org.website} rel="noreferrer" target="_blank">
                {org.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}

function AccessCard() {
  const { t } = useI18n();
  const members = useMembers();
  return (
    <Card>
      <Heading level={2} data-size="sm">
        {t('org.access')}
      </Heading>
      <QueryState query={members}>
        {({ members: list }) => (
          <>
            <Paragraph>{t('org.accessCount', { count: list.length })}</Paragraph>
            <ul className="stack">
              {list.slice(0, 8).map((member) => (
                <li key={member.userId}>
                  {member.name} <RoleTags roles={member.roles} />
                </li>
              ))}
            </ul>
            <Link to="/brukere">{t('org.manageAccess')}</Link>
          </>
        )}
      </QueryState>
    </Card>
  );
}

const settingsFields = { documentLanguage: 'settings-language', dpoContact: 'settings-dpo' };

function SettingsCard({ organization }: { organization: OrganizationDto }) {
  const { t } = useI18n();
  const update = useUpdateSettings();
  const [documentLanguage, setDocumentLanguage] = useState(organization.documentLanguage);
  const [dpoContact, setDpoContact] = useState(organization.dpoContact ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ documentLanguage, dpoContact: dpoContact.trim() || null });
  };
  return (
    <Card>
      <Heading level={2} data-size="sm">
        {t('org.settings')}
      </Heading>
      <FormErrors error={update.error} fieldIds={settingsFields} />
      {update.isSuccess ? <Alert data-color="success">{t('app.saved')}</Alert> : null}
      <form onSubmit={submit} className="stack" noValidate>
        <Field>
          <Label htmlFor={settingsFields.documentLanguage}>{t('org.documentLanguage')}</Label>
          <Select id={settingsFields.documentLanguage} value={documentLanguage} onChange={(e) => setDocumentLanguage(e.target.value as typeof documentLanguage)}>
            <option value="nb">{t('language.nb')}</option>
            <option value="nn">{t('language.nn')}</option>
            <option value="en">{t('language.en')}</option>
          </Select>
        </Field>
        <Textfield
          id={settingsFields.dpoContact}
          label={t('org.dpoContact')}
          description={t('org.dpoContactHelp')}
          value={dpoContact}
          onChange={(e) => setDpoContact(e.target.value)}
          error={fieldError(update.error, 'dpoContact')}
        />
        <div>
          <Button type="submit" disabled={update.isPending}>
            {t('app.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
