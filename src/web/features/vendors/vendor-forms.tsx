import { Alert, Button, Checkbox, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { countryNames } from '../../../modules/systems/fields';
import type { VendorDetailDto } from '../../../modules/vendors/contract';
import { auditReportKinds, certificationKinds, certificationNames, findingSeverities, productHostings, transferBases } from '../../../modules/vendors/fields';
import { fieldError } from '../../components/form-errors';
import { useI18n } from '../../i18n';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ChoiceField } from '../systems/form-fields';
import { useVendorWrite } from './api';
import { clean, FoldedForm, opts, useForm } from './folded-form';

/** The national team's forms for what it records about a vendor between reviews (each folded until wanted). */
export function AddProduct({ vendorId }: { vendorId: string }) {
  const { t } = useI18n();
  const { form, set, reset } = useForm({ name: '', description: '', hosting: '', country: '', personalData: true as boolean, endOfSupportOn: '' });
  const add = useVendorWrite('post', `/api/vendors/${vendorId}/products`);
  return (
    <FoldedForm
      summary={t('vendors.addProduct')}
      error={add.error}
      ids={{ name: 'product-name', endOfSupportOn: 'product-eos' }}
      pending={add.isPending}
      submitLabel={t('vendors.add')}
      onSubmit={() =>
        add.mutate(
          { name: form.name, description: form.description.trim() || null, hosting: form.hosting || null, hostingCountries: form.country ? [form.country] : [], processesPersonalData: form.personalData, endOfSupportOn: form.endOfSupportOn || null },
          { onSuccess: reset },
        )
      }
    >
      <div className="row">
        <Textfield id="product-name" label={t('vendors.productName')} value={form.name} onChange={(e) => set('name', e.target.value)} error={fieldError(add.error, 'name')} />
        <ChoiceField id="product-hosting" label={t('systems.hosting')} value={form.hosting} onChange={(v) => set('hosting', v)} empty={t('systems.notSet')} options={opts(t, productHostings, 'vendors.hosting')} />
        <ChoiceField id="product-country" label={t('vendors.country')} value={form.country} onChange={(v) => set('country', v)} empty={t('systems.notSet')} options={Object.entries(countryNames).map(([value, label]) => ({ value, label }))} />
        <Textfield id="product-eos" type="date" label={t('systems.endOfSupportOn')} value={form.endOfSupportOn} onChange={(e) => set('endOfSupportOn', e.target.value)} error={fieldError(add.error, 'endOfSupportOn')} />
      </div>
      <Textfield id="product-description" label={t('vendors.description')} value={form.description} onChange={(e) => set('description', e.target.value)} />
      <Checkbox label={t('vendors.processesPersonalData')} checked={form.personalData} onChange={(e) => set('personalData', e.target.checked)} />
    </FoldedForm>
  );
}

export function AddSubProcessor({ vendorId }: { vendorId: string }) {
  const { t } = useI18n();
  const { form, set, reset } = useForm({ name: '', purpose: '', country: 'NO', transferBasis: '' });
  const add = useVendorWrite<{ notified: number }>('post', `/api/vendors/${vendorId}/sub-processors`);
  return (
    <FoldedForm
      summary={t('vendors.addSubProcessor')}
      error={add.error}
      ids={{ name: 'sub-name', purpose: 'sub-purpose', country: 'sub-country' }}
      pending={add.isPending}
      submitLabel={t('vendors.addAndNotify')}
      onSubmit={() => add.mutate(clean(form, ['name', 'country']), { onSuccess: reset })}
      done={add.isSuccess ? <Alert data-color="success">{t('vendors.published', { count: add.data.notified })}</Alert> : null}
    >
      <div className="row">
        <Textfield id="sub-name" label={t('vendors.name')} value={form.name} onChange={(e) => set('name', e.target.value)} error={fieldError(add.error, 'name')} />
        <Textfield id="sub-purpose" label={t('vendors.purpose')} value={form.purpose} onChange={(e) => set('purpose', e.target.value)} error={fieldError(add.error, 'purpose')} />
        <ChoiceField id="sub-country" label={t('vendors.country')} value={form.country} onChange={(v) => set('country', v)} options={Object.entries(countryNames).map(([value, label]) => ({ value, label }))} error={fieldError(add.error, 'country')} />
        <ChoiceField id="sub-basis" label={t('vendors.transferBasis')} value={form.transferBasis} onChange={(v) => set('transferBasis', v)} empty={t('vendors.insideEeaNoBasis')} options={opts(t, transferBases, 'vendors.basis')} />
      </div>
    </FoldedForm>
  );
}

export function AddCertification({ vendorId }: { vendorId: string }) {
  const { t } = useI18n();
  const { form, set, reset } = useForm({ kind: 'iso27001', name: '', scope: '', issuer: '', validUntil: '' });
  const add = useVendorWrite('post', `/api/vendors/${vendorId}/certifications`);
  return (
    <FoldedForm summary={t('vendors.addCertification')} error={add.error} ids={{ validUntil: 'cert-valid', scope: 'cert-scope' }} pending={add.isPending} submitLabel={t('vendors.add')} onSubmit={() => add.mutate(clean(form, ['kind']), { onSuccess: reset })}>
      <div className="row">
        <ChoiceField id="cert-kind" label={t('vendors.certification')} value={form.kind} onChange={(v) => set('kind', v)} options={certificationKinds.map((k) => ({ value: k, label: certificationNames[k] }))} />
        {form.kind === 'other' ? <Textfield id="cert-name" label={t('vendors.name')} value={form.name} onChange={(e) => set('name', e.target.value)} /> : null}
        <Textfield id="cert-valid" type="date" label={t('vendors.validUntil')} value={form.validUntil} onChange={(e) => set('validUntil', e.target.value)} error={fieldError(add.error, 'validUntil')} />
        <Textfield id="cert-issuer" label={t('vendors.issuer')} value={form.issuer} onChange={(e) => set('issuer', e.target.value)} />
      </div>
      <Textfield id="cert-scope" label={t('vendors.scope')} value={form.scope} onChange={(e) => set('scope', e.target.value)} error={fieldError(add.error, 'scope')} />
    </FoldedForm>
  );
}

export function AddAuditReport({ vendorId }: { vendorId: string }) {
  const { t } = useI18n();
  const { form, set, reset } = useForm({ kind: 'pentest', title: '', reportDate: '', summary: '' });
  const add = useVendorWrite('post', `/api/vendors/${vendorId}/audit-reports`);
  return (
    <FoldedForm summary={t('vendors.addAuditReport')} error={add.error} ids={{ title: 'report-title' }} pending={add.isPending} submitLabel={t('vendors.add')} onSubmit={() => add.mutate(clean(form, ['kind', 'title']), { onSuccess: reset })}>
      <div className="row">
        <ChoiceField id="report-kind" label={t('vendors.reportKind')} value={form.kind} onChange={(v) => set('kind', v)} options={opts(t, auditReportKinds, 'vendors.report')} />
        <Textfield id="report-title" label={t('vendors.reportTitle')} value={form.title} onChange={(e) => set('title', e.target.value)} error={fieldError(add.error, 'title')} />
        <Textfield id="report-date" type="date" label={t('vendors.reportDate')} value={form.reportDate} onChange={(e) => set('reportDate', e.target.value)} />
      </div>
      <Textfield id="report-summary" label={t('vendors.reportSummary')} multiline rows={2} value={form.summary} onChange={(e) => set('summary', e.target.value)} />
    </FoldedForm>
  );
}

export function AddFinding({ vendor }: { vendor: VendorDetailDto }) {
  const { t } = useI18n();
  const { form, set, reset } = useForm({ title: '', description: '', severity: 'medium', productId: '', dueOn: '' });
  const add = useVendorWrite<{ notified: number }>('post', `/api/vendors/${vendor.id}/findings`);
  return (
    <FoldedForm
      summary={t('vendors.addFinding')}
      error={add.error}
      ids={{ title: 'finding-title', description: 'finding-description', dueOn: 'finding-due' }}
      pending={add.isPending}
      submitLabel={t('vendors.addAndNotify')}
      onSubmit={() => add.mutate(clean(form, ['title', 'severity']), { onSuccess: reset })}
      done={add.isSuccess ? <Alert data-color="success">{t('vendors.published', { count: add.data.notified })}</Alert> : null}
    >
      <div className="row">
        <Textfield id="finding-title" label={t('vendors.finding')} value={form.title} onChange={(e) => set('title', e.target.value)} error={fieldError(add.error, 'title')} />
        <ChoiceField id="finding-severity" label={t('vendors.severity')} value={form.severity} onChange={(v) => set('severity', v)} options={opts(t, findingSeverities, 'vendors.severity')} />
        <ChoiceField id="finding-product" label={t('vendors.product')} value={form.productId} onChange={(v) => set('productId', v)} empty={t('vendors.wholeVendor')} options={vendor.products.map((p) => ({ value: p.id, label: p.name }))} />
        <Textfield id="finding-due" type="date" label={t('vendors.dueDate')} value={form.dueOn} onChange={(e) => set('dueOn', e.target.value)} error={fieldError(add.error, 'dueOn')} />
      </div>
      <Textfield id="finding-description" label={t('vendors.description')} multiline rows={2} value={form.description} onChange={(e) => set('description', e.target.value)} error={fieldError(add.error, 'description')} />
    </FoldedForm>
  );
}

export function AddIncident({ vendor }: { vendor: VendorDetailDto }) {
  const { t } = useI18n();
  const { form, set, reset } = useForm({ title: '', description: '', occurredOn: '', productId: '', personalDataAffected: false as boolean });
  const add = useVendorWrite<{ notified: number }>('post', `/api/vendors/${vendor.id}/incidents`);
  return (
    <FoldedForm
      summary={t('vendors.addIncident')}
      error={add.error}
      ids={{ title: 'incident-title', occurredOn: 'incident-date' }}
      pending={add.isPending}
      submitLabel={t('vendors.addAndNotify')}
      onSubmit={() => add.mutate(clean(form, ['title', 'occurredOn']), { onSuccess: reset })}
      done={add.isSuccess ? <Alert data-color="success">{t('vendors.published', { count: add.data.notified })}</Alert> : null}
    >
      <div className="row">
        <Textfield id="incident-title" label={t('vendors.incidentTitle')} value={form.title} onChange={(e) => set('title', e.target.value)} error={fieldError(add.error, 'title')} />
        <Textfield id="incident-date" type="date" label={t('vendors.occurredOn')} value={form.occurredOn} onChange={(e) => set('occurredOn', e.target.value)} error={fieldError(add.error, 'occurredOn')} />
        <ChoiceField id="incident-product" label={t('vendors.product')} value={form.productId} onChange={(v) => set('productId', v)} empty={t('vendors.wholeVendor')} options={vendor.products.map((p) => ({ value: p.id, label: p.name }))} />
      </div>
      <Textfield id="incident-description" label={t('vendors.description')} multiline rows={2} value={form.description} onChange={(e) => set('description', e.target.value)} />
      <Checkbox label={t('vendors.personalDataAffected')} checked={form.personalDataAffected} onChange={(e) => set('personalDataAffected', e.target.checked)} />
    </FoldedForm>
  );
}

export function CloseFinding({ vendorId, finding }: { vendorId: string; finding: VendorDetailDto['findings'][number] }) {
  const { t } = useI18n();
  const [followUp, setFollowUp] = useState(finding.followUp ?? '');
  const close = useVendorWrite('patch', `/api/vendors/${vendorId}/findings/${finding.id}`);
  return (
    <ConfirmDialog
      headingId={`close-${finding.id}`}
      trigger={{ label: t('vendors.closeFinding'), small: true }}
      title={`${t('vendors.closeFinding')}: ${finding.title}`}
      confirm={{ label: t('vendors.closeFinding') }}
      pending={close.isPending}
      error={close.error}
      onConfirm={(done) => close.mutate({ status: 'closed', followUp: followUp.trim() || null, version: finding.version }, { onSuccess: done })}
    >
      <Textfield label={t('vendors.followUpText')} multiline rows={3} value={followUp} onChange={(e) => setFollowUp(e.target.value)} />
    </ConfirmDialog>
  );
}

export function RemoveChild({ url, label, name }: { url: string; label: string; name: string }) {
  const remove = useVendorWrite('delete', url);
  return (
    <Button variant="tertiary" data-color="danger" data-size="sm" aria-label={`${label}: ${name}`} onClick={() => remove.mutate(undefined)} disabled={remove.isPending}>
      {label}
    </Button>
  );
}
