import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { FormErrors, fieldError } from '../../components/form-errors';
import { useI18n } from '../../i18n';
import { useApprove, useOpinion, useSubmitDpia, type DpiaPage } from './api';

/** The next step for this person: send to the DPO, give the DPO's opinion, or approve. */
export function WorkflowPanel({ page }: { page: DpiaPage }) {
  const { t, formatDate } = useI18n();
  const { dpia, policies, shown } = page;
  return (
    <section className="stack" aria-labelledby="workflow-heading">
      <Heading level={2} id="workflow-heading" data-size="sm">
        {t('dpia.workflow.title')}
      </Heading>
      {shown.dpoRemarks && dpia.status === 'draft' ? (
        <Alert data-color="warning">
          <Heading level={3} data-size="xs">
            {t('dpia.page.remarks')}
          </Heading>
          <Paragraph>{shown.dpoRemarks}</Paragraph>
        </Alert>
      ) : null}
      {dpia.status === 'draft' && policies.edit ? <SubmitForm page={page} /> : null}
      {dpia.status === 'in_review' ? policies.review ? <OpinionForm page={page} /> : <Paragraph>{t('dpia.workflow.waitingDpo')}</Paragraph> : null}
      {shown.dpoOpinion ? (
        <div>
          <Heading level={3} data-size="xs">
            {t('dpia.workflow.opinion')}
          </Heading>
          <Paragraph>{shown.dpoOpinion}</Paragraph>
          {shown.dpoByName && shown.dpoAt ? <Paragraph data-size="sm">{`${shown.dpoByName}, ${formatDate(shown.dpoAt)}`}</Paragraph> : null}
        </div>
      ) : null}
      {dpia.status === 'awaiting_approval' ? policies.approve ? <ApproveForm page={page} /> : <Paragraph>{t('dpia.workflow.waitingApproval')}</Paragraph> : null}
      {shown.status === 'approved' && shown.approvedAt ? (
        <Alert data-color="success">
          <Paragraph>{t('dpia.workflow.approvedBy', { name: shown.approvedByName ?? '–', date: formatDate(shown.approvedAt) })}</Paragraph>
          {shown.approvalNote ? <Paragraph>{shown.approvalNote}</Paragraph> : null}
          <Paragraph>{t('dpia.workflow.readOnly')}</Paragraph>
        </Alert>
      ) : null}
    </section>
  );
}

function SubmitForm({ page }: { page: DpiaPage }) {
  const { t } = useI18n();
  const submit = useSubmitDpia(page.dpia.id);
  return (
    <div className="stack">
      <FormErrors error={submit.error} fieldIds={{}} />
      <Paragraph>{t('dpia.workflow.submitHelp')}</Paragraph>
      <div>
        <Button onClick={() => submit.mutate({ version: page.dpia.version })} disabled={submit.isPending}>
          {t('dpia.workflow.submit')}
        </Button>
      </div>
    </div>
  );
}

function OpinionForm({ page }: { page: DpiaPage }) {
  const { t } = useI18n();
  const opinion = useOpinion(page.dpia.id);
  const [text, setText] = useState('');
  const send = (decision: 'forward' | 'return') => opinion.mutate({ version: page.dpia.version, decision, opinion: text });
  return (
    <form className="stack" onSubmit={(e: FormEvent) => e.preventDefault()} noValidate>
      <FormErrors error={opinion.error} fieldIds={{ opinion: 'dpo-opinion' }} />
      <Textfield id="dpo-opinion" label={t('dpia.workflow.opinion')} description={t('dpia.workflow.opinionHelp')} multiline rows={4} value={text} onChange={(e) => setText(e.target.value)} error={fieldError(opinion.error, 'opinion')} />
      <div className="row">
        <Button onClick={() => send('forward')} disabled={opinion.isPending}>
          {t('dpia.workflow.forward')}
        </Button>
        <Button variant="secondary" onClick={() => send('return')} disabled={opinion.isPending}>
          {t('dpia.workflow.return')}
        </Button>
      </div>
    </form>
  );
}

function ApproveForm({ page }: { page: DpiaPage }) {
  const { t } = useI18n();
  const approve = useApprove(page.dpia.id);
  const [decision, setDecision] = useState<'approved' | 'approved_with_conditions'>('approved');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    approve.mutate({ version: page.dpia.version, decision, ...(note.trim() ? { note } : {}) });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <FormErrors error={approve.error} fieldIds={{ note: 'approval-note' }} />
      <Fieldset>
        <Fieldset.Legend>{t('dpia.workflow.decision')}</Fieldset.Legend>
        <Radio name="decision" value="approved" label={t('dpia.workflow.approved')} checked={decision === 'approved'} onChange={() => setDecision('approved')} />
        <Radio name="decision" value="approved_with_conditions" label={t('dpia.workflow.approvedWithConditions')} checked={decision === 'approved_with_conditions'} onChange={() => setDecision('approved_with_conditions')} />
      </Fieldset>
      <Textfield id="approval-note" label={t('dpia.workflow.note')} multiline rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(approve.error, 'note')} />
      <div>
        <Button type="submit" disabled={approve.isPending}>
          {t('dpia.workflow.approve')}
        </Button>
      </div>
    </form>
  );
}
