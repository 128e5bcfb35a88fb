import { Alert, Button, Card, Details, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Tag, Textarea, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { MeasureDetailResponse } from '../../../modules/assessment/contract';
import type { AssessmentStatus } from '../../../modules/assessment/schema';
import { ApiError } from '../../api/client';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { useMeasure, useSaveAssessment } from './api';
import { EvidenceSection } from './evidence-section';
import { assessmentStatusList } from './ui';

export default function MeasurePage() {
  const { t } = useI18n();
  const urn = useParams().urn ?? '';
  const measure = useMeasure(urn);
  // Held here, not in the form: the form is remounted with the saved version, and the outcome must survive it.
  const save = useSaveAssessment();
  return (
    <QueryState query={measure}>
      {(data) => (
        <Page
          title={`${data.measure.code} ${data.measure.title}`}
          lead={
            <>
              {t('measure.national', { version: data.measure.libraryVersion })} · {data.measure.areaTitle}
            </>
          }
          actions={<Link to="/egenvurdering">{t('assessment.measure.back')}</Link>}
        >
          <div className="row">
            <Tag data-color="neutral" data-size="sm">
              {t('assessment.priority')}: {t(`assessment.priority.${data.measure.priority}` as MessageKey)}
            </Tag>
            <Tag data-color="neutral" data-size="sm">
              {t(`assessment.effort.${data.measure.effort}` as MessageKey)}
            </Tag>
          </div>
          {data.measure.uncertain ? <Alert data-color="warning">{t('measure.uncertain', { reason: data.measure.uncertain })}</Alert> : null}
          <div className="two-columns">
            <div className="stack">
              <AssessmentForm key={`${data.assessment.version}`} data={data} save={save} onReload={() => void measure.refetch()} />
              <EvidenceSection data={data} />
            </div>
            <div className="stack prose">
              <section aria-labelledby="what-heading">
                <Heading level={2} data-size="sm" id="what-heading">
                  {t('assessment.measure.what')}
                </Heading>
                <Paragraph>{data.measure.what}</Paragraph>
              </section>
              <section aria-labelledby="why-heading">
                <Heading level={2} data-size="sm" id="why-heading">
                  {t('assessment.measure.why')}
                </Heading>
                <Paragraph>{data.measure.why}</Paragraph>
              </section>
              <Details>
                <Details.Summary>{t('assessment.measure.startSmall')}</Details.Summary>
                <Details.Content>{data.measure.startSmall}</Details.Content>
              </Details>
              <Details>
                <Details.Summary>{t('measure.evidenceHint')}</Details.Summary>
                <Details.Content>{data.measure.evidence}</Details.Content>
              </Details>
              <Reach data={data} />
            </div>
          </div>
        </Page>
      )}
    </QueryState>
  );
}

const fieldIds = {
  status: 'assessment-status',
  maturity: 'assessment-maturity',
  notRelevantReason: 'assessment-reason',
  ownerUserId: 'assessment-owner',
  nextReview: 'assessment-review',
  comment: 'assessment-comment',
};

function AssessmentForm({ data, save, onReload }: { data: MeasureDetailResponse; save: ReturnType<typeof useSaveAssessment>; onReload: () => void }) {
  const { t, formatDate } = useI18n();
  const a = data.assessment;
  const [status, setStatus] = useState<AssessmentStatus>(a.status);
  const [maturity, setMaturity] = useState(a.maturity === null ? '' : String(a.maturity));
  const [reason, setReason] = useState(a.notRelevantReason ?? '');
  const [owner, setOwner] = useState(a.owner?.id ?? '');
  const [nextReview, setNextReview] = useState(a.nextReview ?? '');
  const [comment, setComment] = useState(a.comment ?? '');
  const canAnswer = data.policies.answer;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      measureUrn: data.measure.urn,
      version: a.version,
      status,
      maturity: maturity === '' ? null : Number(maturity),
      notRelevantReason: status === 'not_relevant' ? reason : reason || null,
      nextReview: nextReview || null,
      comment: comment || null,
      ...(data.policies.edit ? { ownerUserId: owner || null } : {}),
    });
  };
  const conflict = save.error instanceof ApiError && save.error.code === 'CONFLICT';
  return (
    <Card>
      <Heading level={2} data-size="sm">
        {t('measure.assessmentTitle')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {a.updatedAt ? t('measure.lastSaved', { date: formatDate(a.updatedAt, true) }) : t('measure.neverSaved')}
      </Paragraph>
      {canAnswer ? null : <Alert data-color="info">{t('measure.readOnly')}</Alert>}
      <FormErrors error={save.error} fieldIds={fieldIds} />
      {conflict ? (
        <Button variant="secondary" data-size="sm" onClick={onReload}>
          {t('measure.reload')}
        </Button>
      ) : null}
      {save.isSuccess ? <Alert data-color="success">{t('measure.saved')}</Alert> : null}
      <form onSubmit={submit} className="stack" noValidate>
        <Fieldset id={fieldIds.status} disabled={!canAnswer}>
          <Fieldset.Legend>{t('assessment.status')}</Fieldset.Legend>
          {assessmentStatusList.map((s) => (
            <Radio key={s} name="status" value={s} label={t(`status.${s}` as MessageKey)} checked={status === s} onChange={() => setStatus(s)} />
          ))}
        </Fieldset>
        {status === 'not_relevant' ? (
          <Field>
            <Label htmlFor={fieldIds.notRelevantReason}>{t('measure.reason')}</Label>
            <Textarea id={fieldIds.notRelevantReason} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} disabled={!canAnswer} aria-invalid={Boolean(fieldError(save.error, 'notRelevantReason'))} />
            {fieldError(save.error, 'notRelevantReason') ? <ValidationMessage>{fieldError(save.error, 'notRelevantReason')}</ValidationMessage> : null}
          </Field>
        ) : null}
        <Field>
          <Label htmlFor={fieldIds.maturity}>{t('measure.maturityLabel')}</Label>
          <Select id={fieldIds.maturity} value={maturity} onChange={(e) => setMaturity(e.target.value)} disabled={!canAnswer}>
            <option value="">{t('maturity.none')}</option>
            {[0, 1, 2, 3, 4, 5].map((level) => (
              <option key={level} value={level}>
                {level} – {t(`maturity.${level}` as MessageKey)}
              </option>
            ))}
          </Select>
        </Field>
        <Details>
          <Details.Summary>{t('maturity.scale')}</Details.Summary>
          <Details.Content>
            <dl className="facts">
              {[0, 1, 2, 3, 4, 5].map((level) => (
                <div key={level} className="contents">
                  <dt>
                    {level} {t(`maturity.${level}` as MessageKey)}
                  </dt>
                  <dd>{t(`maturity.${level}.description` as MessageKey)}</dd>
                </div>
              ))}
            </dl>
          </Details.Content>
        </Details>
        {data.policies.edit ? (
          <Field>
            <Label htmlFor={fieldIds.ownerUserId}>{t('assessment.owner')}</Label>
            <Select id={fieldIds.ownerUserId} value={owner} onChange={(e) => setOwner(e.target.value)}>
              <option value="">{t('assessment.ownerNone')}</option>
              {data.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Paragraph>
            {t('assessment.owner')}: {a.owner?.name ?? t('assessment.ownerNone')}
          </Paragraph>
        )}
        <Textfield id={fieldIds.nextReview} type="date" label={t('measure.nextReview')} value={nextReview} onChange={(e) => setNextReview(e.target.value)} disabled={!canAnswer} error={fieldError(save.error, 'nextReview')} />
        <Field>
          <Label htmlFor={fieldIds.comment}>{t('measure.comment')}</Label>
          <Textarea id={fieldIds.comment} value={comment} onChange={(e) => setComment(e.target.value)} rows={4} disabled={!canAnswer} />
        </Field>
        {canAnswer ? (
          <div>
            <Button type="submit" disabled={save.isPending}>
              {t('measure.save')}
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}

function Reach({ data }: { data: MeasureDetailResponse }) {
  const { t } = useI18n();
  if (!data.reach.length) return null;
  return (
    <section aria-labelledby="reach-heading" className="stack">
      <Heading level={2} data-size="sm" id="reach-heading">
        {t('measure.counts')}
      </Heading>
      <Paragraph data-size="sm">{t('measure.countsLead')}</Paragraph>
      {data.reach.map((group) => (
        <div key={group.frameworkUrn}>
          <Heading level={3} data-size="xs">
            {group.frameworkName}
          </Heading>
          <ul>
            {group.requirements.map((r) => (
              <li key={r.urn}>
                <strong>
                  {group.frameworkRef} {r.ref}
                </strong>{' '}
                {r.title} <span className="muted">– {t(`assessment.relationship.${r.relationship}` as MessageKey)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
