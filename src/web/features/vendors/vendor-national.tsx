import { Alert, Card, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { VendorDetailDto } from '../../../modules/vendors/contract';
import { dpaTerms, transferBases } from '../../../modules/vendors/fields';
import { api } from '../../api/client';
import { fieldError } from '../../components/form-errors';
import { useI18n, type MessageKey } from '../../i18n';
import { ChoiceField } from '../systems/form-fields';
import { useVendorWrite, type VendorView } from './api';
import { clean, FoldedForm, opts, useForm } from './folded-form';

export function NationalActions({ data }: { data: VendorView }) {
  const { t, formatDate } = useI18n();
  const { vendor } = data;
  return (
    <Card>
      <Heading level={2} data-size="xs">
        {t('vendors.nationalActions')}
      </Heading>
      <Paragraph data-size="sm">{t('vendors.nationalActionsLead')}</Paragraph>
      {data.questionnaires.length ? (
        <div className="table-wrap">
          <Table>
            <caption className="visually-hidden">{t('vendors.questionnaires')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('vendors.questionnaire')}</Table.HeaderCell>
                <Table.HeaderCell>{t('vendors.sentOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('vendors.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('vendors.answered')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.questionnaires.map((q) => (
                <Table.Row key={q.id}>
                  <Table.Cell>
                    {q.status === 'submitted' || q.status === 'reviewed' ? <Link to={`/leverandorer/${vendor.id}/sporreskjema/${q.id}`}>{q.templateName}</Link> : q.templateName}
                    {q.productName ? <span className="muted"> ({q.productName})</span> : null}
                  </Table.Cell>
                  <Table.Cell>{formatDate(q.sentAt)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={q.status === 'submitted' ? 'warning' : q.status === 'reviewed' ? 'success' : 'neutral'} data-size="sm">
                      {t(`portal.status.${q.status}` as MessageKey)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>{q.answered}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      <InviteContact vendorId={vendor.id} />
      <SendQuestionnaire vendor={vendor} />
      <PublishNotice vendor={vendor} />
    </Card>
  );
}

function InviteContact({ vendorId }: { vendorId: string }) {
  const { t } = useI18n();
  const { form, set, reset } = useForm({ email: '' });
  const invite = useVendorWrite<{ emailSent: boolean; invitation: { email: string } }>('post', `/api/vendors/${vendorId}/contacts`);
  return (
    <FoldedForm
      summary={t('vendors.inviteContact')}
      error={invite.error}
      ids={{ email: 'invite-contact-email' }}
      pending={invite.isPending}
      submitLabel={t('vendors.sendInvitation')}
      onSubmit={() => invite.mutate(form, { onSuccess: reset })}
      done={invite.isSuccess ? <Alert data-color="success">{t('vendors.invited', { email: invite.data.invitation.email })}</Alert> : null}
    >
      <Paragraph data-size="sm">{t('vendors.inviteContactHelp')}</Paragraph>
      <Textfield id="invite-contact-email" type="email" label={t('vendors.contactEmail')} value={form.email} onChange={(e) => set('email', e.target.value)} error={fieldError(invite.error, 'email')} />
    </FoldedForm>
  );
}

function SendQuestionnaire({ vendor }: { vendor: VendorDetailDto }) {
  const { t } = useI18n();
  const templates = useQuery({ queryKey: ['vendors', 'templates'], queryFn: () => api.get<{ templates: { id: string; name: string }[] }>('/api/vendor-questionnaires/templates') });
  const { form, set } = useForm({ templateId: '', productId: '', dueOn: '', message: '' });
  const send = useVendorWrite('post', `/api/vendors/${vendor.id}/questionnaires`);
  return (
    <FoldedForm
      summary={t('vendors.sendQuestionnaire')}
      error={send.error}
      ids={{ dueOn: 'send-due', message: 'send-message', templateId: 'send-template' }}
      pending={send.isPending}
      submitLabel={t('vendors.send')}
      onSubmit={() => {
        const body = clean(form);
        send.mutate({ ...body, templateId: body.templateId ?? undefined });
      }}
      done={send.isSuccess ? <Alert data-color="success">{t('vendors.questionnaireSent')}</Alert> : null}
    >
      <Paragraph data-size="sm">{t('vendors.sendQuestionnaireHelp')}</Paragraph>
      <div className="row">
        <ChoiceField id="send-template" label={t('vendors.questionnaire')} value={form.templateId} onChange={(v) => set('templateId', v)} empty={t('vendors.nationalQuestionnaire')} options={(templates.data?.templates ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        <ChoiceField id="send-product" label={t('vendors.product')} value={form.productId} onChange={(v) => set('productId', v)} empty={t('vendors.wholeVendor')} options={vendor.products.map((p) => ({ value: p.id, label: p.name }))} />
        <Textfield id="send-due" type="date" label={t('vendors.dueDate')} value={form.dueOn} onChange={(e) => set('dueOn', e.target.value)} error={fieldError(send.error, 'dueOn')} />
      </div>
      <Textfield id="send-message" label={t('vendors.message')} multiline rows={2} value={form.message} onChange={(e) => set('message', e.target.value)} error={fieldError(send.error, 'message')} />
    </FoldedForm>
  );
}

function PublishNotice({ vendor }: { vendor: VendorDetailDto }) {
  const { t } = useI18n();
  const { form, set, reset } = useForm({ kind: 'dpa_changed', title: '', summary: '', productId: '' });
  const publish = useVendorWrite<{ notified: number }>('post', `/api/vendors/${vendor.id}/notices`);
  return (
    <FoldedForm
      summary={t('vendors.publishNotice')}
      error={publish.error}
      ids={{ title: 'notice-title', summary: 'notice-summary' }}
      pending={publish.isPending}
      submitLabel={t('vendors.publish')}
      onSubmit={() => publish.mutate(clean(form, ['title']), { onSuccess: reset })}
      done={publish.isSuccess ? <Alert data-color="success">{t('vendors.published', { count: publish.data.notified })}</Alert> : null}
    >
      <Paragraph data-size="sm">{t('vendors.publishNoticeHelp')}</Paragraph>
      <div className="row">
        <ChoiceField id="notice-kind" label={t('vendors.noticeKind')} value={form.kind} onChange={(v) => set('kind', v)} options={opts(t, ['dpa_changed', 'other'], 'vendors.change')} />
        <ChoiceField id="notice-product" label={t('vendors.product')} value={form.productId} onChange={(v) => set('productId', v)} empty={t('vendors.wholeVendor')} options={vendor.products.map((p) => ({ value: p.id, label: p.name }))} />
      </div>
      <Textfield id="notice-title" label={t('vendors.noticeTitle')} value={form.title} onChange={(e) => set('title', e.target.value)} error={fieldError(publish.error, 'title')} />
      <Textfield id="notice-summary" label={t('vendors.noticeSummary')} multiline rows={2} value={form.summary} onChange={(e) => set('summary', e.target.value)} error={fieldError(publish.error, 'summary')} />
    </FoldedForm>
  );
}

export function EditVendorFacts({ vendor }: { vendor: VendorDetailDto }) {
  const { t } = useI18n();
  const { form, set } = useForm({
    organizationNumber: vendor.organizationNumber ?? '',
    website: vendor.website ?? '',
    description: vendor.description ?? '',
    contactName: vendor.contactName ?? '',
    contactEmail: vendor.contactEmail ?? '',
    contactPhone: vendor.contactPhone ?? '',
    dpaTerms: vendor.dpaTerms ?? '',
    dpaVersion: vendor.dpaVersion ?? '',
    transfersOutsideEea: vendor.transfersOutsideEea === null ? '' : vendor.transfersOutsideEea ? 'yes' : 'no',
    transferBasis: vendor.transferBasis ?? '',
    transferNotes: vendor.transferNotes ?? '',
    reviewIntervalMonths: String(vendor.reviewIntervalMonths),
  });
  const save = useVendorWrite('patch', `/api/vendors/${vendor.id}`);
  const ids = Object.fromEntries(Object.keys(form).map((k) => [k, `vendor-${k}`])) as Record<keyof typeof form, string>;
  const err = (k: keyof typeof form) => fieldError(save.error, k);
  return (
    <FoldedForm
      summary={t('vendors.editFacts')}
      error={save.error}
      ids={ids}
      pending={save.isPending}
      submitLabel={t('app.save')}
      onSubmit={() => {
        const body = clean(form);
        save.mutate({
          ...body,
          transfersOutsideEea: form.transfersOutsideEea === '' ? null : form.transfersOutsideEea === 'yes',
          reviewIntervalMonths: Number(form.reviewIntervalMonths) || undefined,
          version: vendor.version,
        });
      }}
    >
      <div className="row">
        <Textfield id={ids.organizationNumber} label={t('vendors.organizationNumber')} value={form.organizationNumber} onChange={(e) => set('organizationNumber', e.target.value)} error={err('organizationNumber')} />
        <Textfield id={ids.website} label={t('vendors.website')} value={form.website} onChange={(e) => set('website', e.target.value)} error={err('website')} />
      </div>
      <Textfield id={ids.description} label={t('vendors.description')} multiline rows={2} value={form.description} onChange={(e) => set('description', e.target.value)} error={err('description')} />
      <div className="row">
        <Textfield id={ids.contactName} label={t('vendors.contactName')} value={form.contactName} onChange={(e) => set('contactName', e.target.value)} error={err('contactName')} />
        <Textfield id={ids.contactEmail} label={t('vendors.contactEmail')} value={form.contactEmail} onChange={(e) => set('contactEmail', e.target.value)} error={err('contactEmail')} />
        <Textfield id={ids.contactPhone} label={t('vendors.contactPhone')} value={form.contactPhone} onChange={(e) => set('contactPhone', e.target.value)} error={err('contactPhone')} />
      </div>
      <div className="row">
        <ChoiceField id={ids.dpaTerms} label={t('vendors.dpaTerms')} value={form.dpaTerms} onChange={(v) => set('dpaTerms', v)} empty={t('systems.notSet')} options={opts(t, dpaTerms, 'vendors.dpa')} error={err('dpaTerms')} />
        <Textfield id={ids.dpaVersion} label={t('vendors.dpaVersion')} value={form.dpaVersion} onChange={(e) => set('dpaVersion', e.target.value)} error={err('dpaVersion')} />
      </div>
      <div className="row">
        <ChoiceField
          id={ids.transfersOutsideEea}
          label={t('vendors.transfers')}
          value={form.transfersOutsideEea}
          onChange={(v) => set('transfersOutsideEea', v)}
          empty={t('systems.mfa.unknown')}
          options={[
            { value: 'yes', label: t('app.yes') },
            { value: 'no', label: t('app.no') },
          ]}
        />
        <ChoiceField id={ids.transferBasis} label={t('vendors.transferBasis')} value={form.transferBasis} onChange={(v) => set('transferBasis', v)} empty={t('systems.notSet')} options={opts(t, transferBases, 'vendors.basis')} error={err('transferBasis')} />
        <Textfield id={ids.reviewIntervalMonths} label={t('vendors.cycle')} inputMode="numeric" suffix={t('vendors.months')} value={form.reviewIntervalMonths} onChange={(e) => set('reviewIntervalMonths', e.target.value)} error={err('reviewIntervalMonths')} />
      </div>
      <Textfield id={ids.transferNotes} label={t('vendors.transferNotes')} multiline rows={2} value={form.transferNotes} onChange={(e) => set('transferNotes', e.target.value)} error={err('transferNotes')} />
    </FoldedForm>
  );
}

