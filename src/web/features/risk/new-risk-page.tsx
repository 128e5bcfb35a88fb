import { Button, Fieldset, Radio, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CreateAssessmentBody } from '../../../modules/risk/contract';
import { fieldError, FormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { ChoiceField } from '../systems/form-fields';
import { createAssessment, useRiskOptions } from './api';

type Kind = CreateAssessmentBody['subjectKind'];
const kinds: Kind[] = ['system', 'service', 'processing'];
const fieldIds = {
  subjectKind: 'risk-kind',
  systemId: 'risk-system',
  processingEntryId: 'risk-entry',
  serviceName: 'risk-service',
  title: 'risk-title',
  scope: 'risk-scope',
  riskOwnerUserId: 'risk-owner',
  reviewDate: 'risk-review',
};

export default function NewRiskPage() {
  const { t } = useI18n();
  const options = useRiskOptions();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [kind, setKind] = useState<Kind>('system');
  const [systemId, setSystemId] = useState(params.get('system') ?? '');
  const [entryId, setEntryId] = useState('');
  const [serviceName, setServiceName] = useState('');
  const [title, setTitle] = useState('');
  const [scope, setScope] = useState('');
  const [owner, setOwner] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const create = useMutation({ mutationFn: createAssessment, onSuccess: (data) => navigate(`/risikovurdering/${data.assessment.id}`) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      subjectKind: kind,
      ...(kind === 'system' && systemId ? { systemId } : {}),
      ...(kind === 'processing' && entryId ? { processingEntryId: entryId } : {}),
      ...(kind === 'service' ? { serviceName } : {}),
      title,
      scope: scope || null,
      riskOwnerUserId: owner || null,
      reviewDate: reviewDate || null,
    });
  };
  const err = (field: string) => fieldError(create.error, field);
  return (
    <Page title={t('risk.new')} lead={t('risk.newLead')}>
      <Link to="/risikovurdering">{t('risk.back')}</Link>
      <FormErrors error={create.error} fieldIds={fieldIds} />
      <QueryState query={options}>
        {(data) => (
          <form className="stack" onSubmit={submit} noValidate>
            <Fieldset id={fieldIds.subjectKind}>
              <Fieldset.Legend>{t('risk.subjectKind')}</Fieldset.Legend>
              {kinds.map((k) => (
                <Radio key={k} name="subjectKind" value={k} label={t(`risk.subject.${k}`)} checked={kind === k} onChange={() => setKind(k)} />
              ))}
            </Fieldset>
            {kind === 'system' ? (
              <ChoiceField id={fieldIds.systemId} label={t('risk.system')} value={systemId} onChange={setSystemId} empty={t('risk.chooseSystem')} options={data.systems.map((s) => ({ value: s.id, label: s.name }))} error={err('systemId')} />
            ) : null}
            {kind === 'processing' ? (
              <ChoiceField id={fieldIds.processingEntryId} label={t('risk.processingEntry')} value={entryId} onChange={setEntryId} empty={t('risk.chooseEntry')} options={data.processingEntries.map((s) => ({ value: s.id, label: s.name }))} error={err('processingEntryId')} />
            ) : null}
            {kind === 'service' ? <Textfield id={fieldIds.serviceName} label={t('risk.serviceName')} value={serviceName} onChange={(e) => setServiceName(e.target.value)} error={err('serviceName')} /> : null}
            <Textfield id={fieldIds.title} label={t('risk.form.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={err('title')} required />
            <Textfield id={fieldIds.scope} label={t('risk.form.scope')} description={t('risk.form.scopeHelp')} multiline rows={3} value={scope} onChange={(e) => setScope(e.target.value)} error={err('scope')} />
            <ChoiceField id={fieldIds.riskOwnerUserId} label={t('risk.form.owner')} description={t('risk.form.ownerHelp')} value={owner} onChange={setOwner} empty={t('risk.form.noOwner')} options={data.people.map((p) => ({ value: p.id, label: p.name }))} error={err('riskOwnerUserId')} />
            <Textfield id={fieldIds.reviewDate} type="date" label={t('risk.form.review')} value={reviewDate} onChange={(e) => setReviewDate(e.target.value)} error={err('reviewDate')} />
            <div className="row">
              <Button type="submit" loading={create.isPending}>
                {t('risk.form.create')}
              </Button>
            </div>
          </form>
        )}
      </QueryState>
    </Page>
  );
}
