import { Alert, Button, Card, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Radio, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { SystemDto } from '../../../modules/systems/contract';
import {
  backupFrequencies,
  countryNames,
  criticalities,
  federationKinds,
  hostingKinds,
  idportenLevels,
  mfaStates,
  monitoringKinds,
  personalDataCategories,
  restoreResults,
} from '../../../modules/systems/fields';
import { ApiError } from '../../api/client';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FollowUpTag } from '../vendors/follow-up-tag';
import { SystemRiskLink } from '../risk/system-risk-link';
import { useDeleteSystem, useSaveSystem, useSystem, useSystems, useVendorOptions } from './api';
import { ChoiceField } from './form-fields';
import { bodyFromForm, emptyForm, formFromSystem, type SystemForm } from './form-state';

const fieldNames = Object.keys(emptyForm) as (keyof SystemForm)[];
const fieldIds = Object.fromEntries(fieldNames.map((f) => [f, `system-${f}`])) as Record<keyof SystemForm, string>;
const draftKey = (id: string | undefined) => `samsvar.systemDraft.${id ?? 'new'}`;

export default function SystemFormPage() {
  const { id } = useParams();
  const system = useSystem(id);
  const { t } = useI18n();
  if (!id) return <SystemForm system={null} />;
  return (
    <QueryState query={system}>{(data) => (data ? <SystemForm key={`${data.system.id}:${data.system.version}`} system={data.system} /> : <Paragraph>{t('app.loading')}</Paragraph>)}</QueryState>
  );
}

function SystemForm({ system }: { system: SystemDto | null }) {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const justSaved = (location.state as { saved?: boolean } | null)?.saved === true;
  const save = useSaveSystem(system?.id);
  const vendors = useVendorOptions();
  const all = useSystems();
  const canEdit = all.data?.policies.edit !== false;
  // Nothing is lost: what is typed is kept as a draft until it is saved (for this version of the system).
  const [draft] = useState(() => {
    const stored = sessionStorage.getItem(draftKey(system?.id));
    if (!stored) return null;
    const parsed = JSON.parse(stored) as { version: number | null; form: SystemForm };
    return parsed.version === (system?.version ?? null) ? parsed.form : null;
  });
  const [form, setForm] = useState<SystemForm>(draft ?? (system ? formFromSystem(system) : emptyForm));
  const [restored, setRestored] = useState(Boolean(draft));
  const touched = useRef(false);
  useEffect(() => {
    if (touched.current) sessionStorage.setItem(draftKey(system?.id), JSON.stringify({ version: system?.version ?? null, form }));
  }, [form, system?.id, system?.version]);
  const set = <K extends keyof SystemForm>(key: K, value: SystemForm[K]) => {
    touched.current = true;
    setForm((f) => ({ ...f, [key]: value }));
  };
  const discardDraft = () => {
    sessionStorage.removeItem(draftKey(system?.id));
    touched.current = false;
    setForm(system ? formFromSystem(system) : emptyForm);
    setRestored(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(system ? { ...bodyFromForm(form), version: system.version } : bodyFromForm(form), {
      onSuccess: (result) => {
        sessionStorage.removeItem(draftKey(system?.id));
        navigate(`/systemer/${result.system.id}`, { replace: true, state: { saved: true } });
      },
    });
  };
  const err = (field: keyof SystemForm) => fieldError(save.error, field);
  const conflict = save.error instanceof ApiError && save.error.code === 'CONFLICT';
  const vendor = vendors.data?.vendors.find((v) => v.id === form.vendorId);
  const options = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));
  const otherSystems = (all.data?.items ?? []).filter((s) => s.id !== system?.id);
  const facts = system?.vendorFacts;

  return (
    <Page title={system ? system.name : t('systems.new')} lead={system ? t('systems.editLead') : t('systems.newLead')}>
      <Link to="/systemer">{t('systems.back')}</Link>
      {justSaved && !save.isError ? <Alert data-color="success">{t('app.saved')}</Alert> : null}
      {restored ? (
        <Alert data-color="info">
          <Paragraph>{t('systems.draftRestored')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={discardDraft}>
            {t('systems.discardDraft')}
          </Button>
        </Alert>
      ) : null}
      {conflict ? (
        <Alert data-color="warning">
          <Paragraph>{t('systems.conflict')}</Paragraph>
        </Alert>
      ) : (
        <FormErrors error={save.error} fieldIds={fieldIds} />
      )}
      {system ? <SystemRiskLink systemId={system.id} /> : null}
      {system?.vendor ? (
        <Card data-color="info">
          <Heading level={2} data-size="xs">
            {t('systems.centralFollowUp')}: <FollowUpTag followUp={system.followUp} />
          </Heading>
          <Paragraph data-size="sm">
            {t('systems.centralFollowUpText', { vendor: system.vendor.name })}{' '}
            {system.followUp?.lastReviewedOn ? t('systems.lastReviewed', { date: formatDate(system.followUp.lastReviewedOn) }) : null}
          </Paragraph>
          <Link to={`/leverandorer/${system.vendor.id}`}>{t('systems.seeVendor', { vendor: system.vendor.name })}</Link>
        </Card>
      ) : null}
      <form onSubmit={submit} className="stack" noValidate>
        <Fieldset>
          <Fieldset.Legend>{t('systems.sectionAbout')}</Fieldset.Legend>
          <Textfield id={fieldIds.name} label={t('systems.name')} value={form.name} onChange={(e) => set('name', e.target.value)} error={err('name')} required />
          <Textfield id={fieldIds.purpose} label={t('systems.purpose')} multiline rows={2} value={form.purpose} onChange={(e) => set('purpose', e.target.value)} error={err('purpose')} />
          <div className="row">
            <Textfield id={fieldIds.systemOwner} label={t('systems.systemOwner')} description={t('systems.systemOwnerHelp')} value={form.systemOwner} onChange={(e) => set('systemOwner', e.target.value)} error={err('systemOwner')} />
            <Textfield id={fieldIds.technicalContact} label={t('systems.technicalContact')} value={form.technicalContact} onChange={(e) => set('technicalContact', e.target.value)} error={err('technicalContact')} />
          </div>
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('systems.sectionVendor')}</Fieldset.Legend>
          <Fieldset.Description>{t('systems.sectionVendorHelp')}</Fieldset.Description>
          <div className="row">
            <ChoiceField
              id={fieldIds.vendorId}
              label={t('systems.vendor')}
              value={form.vendorId}
              onChange={(v) => {
                set('vendorId', v);
                set('vendorProductId', '');
              }}
              empty={t('systems.vendorNotInRegistry')}
              options={(vendors.data?.vendors ?? []).map((v) => ({ value: v.id, label: v.name }))}
              error={err('vendorId')}
            />
            {vendor ? (
              <ChoiceField
                id={fieldIds.vendorProductId}
                label={t('systems.product')}
                value={form.vendorProductId}
                onChange={(v) => set('vendorProductId', v)}
                empty={t('systems.noProduct')}
                options={vendor.products.map((p) => ({ value: p.id, label: p.name }))}
                error={err('vendorProductId')}
              />
            ) : (
              <Textfield id={fieldIds.localVendorName} label={t('systems.localVendorName')} description={t('systems.localVendorNameHelp')} value={form.localVendorName} onChange={(e) => set('localVendorName', e.target.value)} error={err('localVendorName')} />
            )}
          </div>
          <div className="row">
            <ChoiceField id={fieldIds.hosting} label={t('systems.hosting')} value={form.hosting} onChange={(v) => set('hosting', v)} empty={t('systems.notSet')} options={options(hostingKinds, 'systems.hosting')} error={err('hosting')} />
            <ChoiceField
              id={fieldIds.hostingCountry}
              label={t('systems.hostingCountry')}
              value={form.hostingCountry}
              onChange={(v) => set('hostingCountry', v)}
              empty={t('systems.notSet')}
              options={Object.entries(countryNames).map(([code, name]) => ({ value: code, label: name }))}
              error={err('hostingCountry')}
            />
          </div>
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('systems.sectionCriticality')}</Fieldset.Legend>
          <Textfield id={fieldIds.services} label={t('systems.services')} description={t('systems.servicesHelp')} value={form.services} onChange={(e) => set('services', e.target.value)} error={err('services')} />
          <Fieldset>
            <Fieldset.Legend>{t('systems.criticality')}</Fieldset.Legend>
            {criticalities.map((c) => (
              <Radio key={c} name="criticality" value={c} label={t(`systems.criticality.${c}` as MessageKey)} description={t(`systems.criticalityHelp.${c}` as MessageKey)} checked={form.criticality === c} onChange={() => set('criticality', c)} />
            ))}
          </Fieldset>
          <Textfield id={fieldIds.consequenceUnavailable} label={t('systems.consequenceUnavailable')} multiline rows={2} value={form.consequenceUnavailable} onChange={(e) => set('consequenceUnavailable', e.target.value)} error={err('consequenceUnavailable')} />
          <Textfield id={fieldIds.consequenceAltered} label={t('systems.consequenceAltered')} multiline rows={2} value={form.consequenceAltered} onChange={(e) => set('consequenceAltered', e.target.value)} error={err('consequenceAltered')} />
          <Textfield id={fieldIds.consequenceLeaked} label={t('systems.consequenceLeaked')} multiline rows={2} value={form.consequenceLeaked} onChange={(e) => set('consequenceLeaked', e.target.value)} error={err('consequenceLeaked')} />
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('systems.sectionPersonalData')}</Fieldset.Legend>
          <Fieldset.Description>{t('systems.personalDataHelp')}</Fieldset.Description>
          {personalDataCategories.map((c) => (
            <Checkbox
              key={c}
              label={t(`systems.category.${c}` as MessageKey)}
              value={c}
              checked={form.personalDataCategories.includes(c)}
              onChange={(e) => set('personalDataCategories', e.target.checked ? [...form.personalDataCategories, c] : form.personalDataCategories.filter((x) => x !== c))}
            />
          ))}
          <Textfield id={fieldIds.dataSubjects} label={t('systems.dataSubjects')} description={t('systems.dataSubjectsHelp')} inputMode="numeric" value={form.dataSubjects} onChange={(e) => set('dataSubjects', e.target.value)} error={err('dataSubjects')} />
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('systems.sectionLogin')}</Fieldset.Legend>
          <Fieldset.Description>{t('systems.sectionLoginHelp')} · GDPR art. 32 · NSM 2.6.7</Fieldset.Description>
          {facts ? <VendorFact text={t('systems.factMfa', { answer: yesNo(t, facts.mfaPossible) })} date={formatDate(facts.reviewedOn)} /> : null}
          <div className="row">
            <ChoiceField id={fieldIds.mfaUsers} label={t('systems.mfaUsers')} value={form.mfaUsers} onChange={(v) => set('mfaUsers', v as SystemForm['mfaUsers'])} options={options(mfaStates, 'systems.mfa')} error={err('mfaUsers')} />
            <ChoiceField id={fieldIds.mfaAdmins} label={t('systems.mfaAdmins')} value={form.mfaAdmins} onChange={(v) => set('mfaAdmins', v as SystemForm['mfaAdmins'])} options={options(mfaStates, 'systems.mfa')} error={err('mfaAdmins')} />
            <ChoiceField id={fieldIds.federation} label={t('systems.federation')} value={form.federation} onChange={(v) => set('federation', v)} empty={t('systems.notSet')} options={options(federationKinds, 'systems.federation')} error={err('federation')} />
            {form.federation === 'idporten' ? (
              <ChoiceField id={fieldIds.idportenLevel} label={t('systems.idportenLevel')} value={form.idportenLevel} onChange={(v) => set('idportenLevel', v)} empty={t('systems.notSet')} options={options(idportenLevels, 'systems.idportenLevel')} error={err('idportenLevel')} />
            ) : null}
          </div>
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('systems.sectionBackup')}</Fieldset.Legend>
          <Fieldset.Description>{t('systems.sectionBackupHelp')} · GDPR art. 32(1)(c) · NSM 2.9.1–2.9.4</Fieldset.Description>
          {facts ? (
            <VendorFact
              text={t('systems.factBackup', { offline: yesNo(t, facts.backupOffline), restore: yesNo(t, facts.restoreTested) })}
              date={formatDate(facts.reviewedOn)}
            />
          ) : null}
          <Textfield id={fieldIds.backupScope} label={t('systems.backupScope')} value={form.backupScope} onChange={(e) => set('backupScope', e.target.value)} error={err('backupScope')} />
          <div className="row">
            <ChoiceField id={fieldIds.backupFrequency} label={t('systems.backupFrequency')} value={form.backupFrequency} onChange={(v) => set('backupFrequency', v as SystemForm['backupFrequency'])} options={options(backupFrequencies, 'systems.backup')} error={err('backupFrequency')} />
            <ChoiceField
              id={fieldIds.backupOffline}
              label={t('systems.backupOffline')}
              value={form.backupOffline}
              onChange={(v) => set('backupOffline', v)}
              empty={t('systems.mfa.unknown')}
              options={[
                { value: 'yes', label: t('app.yes') },
                { value: 'no', label: t('app.no') },
              ]}
              error={err('backupOffline')}
            />
          </div>
          <div className="row">
            <Textfield id={fieldIds.lastRestoreTestOn} type="date" label={t('systems.lastRestoreTestOn')} value={form.lastRestoreTestOn} onChange={(e) => set('lastRestoreTestOn', e.target.value)} error={err('lastRestoreTestOn')} />
            <ChoiceField id={fieldIds.lastRestoreResult} label={t('systems.lastRestoreResult')} value={form.lastRestoreResult} onChange={(v) => set('lastRestoreResult', v)} empty={t('systems.notSet')} options={options(restoreResults, 'systems.restore')} error={err('lastRestoreResult')} />
          </div>
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('systems.sectionOperations')}</Fieldset.Legend>
          <div className="row">
            <Textfield id={fieldIds.endOfSupportOn} type="date" label={t('systems.endOfSupportOn')} value={form.endOfSupportOn} onChange={(e) => set('endOfSupportOn', e.target.value)} error={err('endOfSupportOn')} />
            <ChoiceField id={fieldIds.monitoring} label={t('systems.monitoring')} value={form.monitoring} onChange={(v) => set('monitoring', v as SystemForm['monitoring'])} options={options(monitoringKinds, 'systems.monitoring')} error={err('monitoring')} />
            <Textfield id={fieldIds.alertRecipient} label={t('systems.alertRecipient')} value={form.alertRecipient} onChange={(e) => set('alertRecipient', e.target.value)} error={err('alertRecipient')} />
          </div>
          <Field>
            <Label htmlFor={fieldIds.dependsOn}>{t('systems.dependsOn')}</Label>
            <Field.Description>{t('systems.dependsOnHelp')}</Field.Description>
            {/* Designsystemet's Select has no multiple mode; the native one, in its style, is accessible as is. */}
            <select
              id={fieldIds.dependsOn}
              className="ds-input multi-select"
              multiple
              size={Math.min(8, Math.max(3, otherSystems.length))}
              value={form.dependsOn}
              onChange={(e) => set('dependsOn', [...e.target.selectedOptions].map((o) => o.value))}
            >
              {otherSystems.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          {system?.dependents.length ? (
            <Paragraph data-size="sm">
              {t('systems.dependents')}: {system.dependents.map((d) => d.name).join(', ')}
            </Paragraph>
          ) : null}
          <Textfield id={fieldIds.notes} label={t('systems.notes')} multiline rows={3} value={form.notes} onChange={(e) => set('notes', e.target.value)} error={err('notes')} />
        </Fieldset>
        {canEdit ? (
          <div className="row">
            <Button type="submit" disabled={save.isPending}>
              {system ? t('app.save') : t('systems.create')}
            </Button>
            {system ? <DeleteSystem system={system} /> : null}
          </div>
        ) : null}
      </form>
    </Page>
  );
}

const yesNo = (t: (k: MessageKey) => string, value: boolean | null) => (value === null ? t('systems.mfa.unknown') : value ? t('app.yes') : t('app.no'));

/** What the vendor said in its reviewed answers: shown beside the municipality's own fact, never instead of it. */
function VendorFact({ text, date }: { text: string; date: string }) {
  const { t } = useI18n();
  return (
    <Paragraph data-size="sm">
      <Tag data-color="info" data-size="sm">
        {t('systems.fromNational')}
      </Tag>{' '}
      {text} <span className="muted">({t('systems.reviewedOn', { date })})</span>
    </Paragraph>
  );
}

function DeleteSystem({ system }: { system: SystemDto }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const remove = useDeleteSystem(system.id);
  return (
    <ConfirmDialog
      headingId="delete-system-heading"
      trigger={{ label: t('systems.delete'), variant: 'tertiary', danger: true }}
      title={t('systems.delete')}
      confirm={{ label: t('systems.delete'), danger: true }}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate('/systemer') })}
    >
      <Paragraph>{t('systems.deleteConfirm', { name: system.name })}</Paragraph>
    </ConfirmDialog>
  );
}
