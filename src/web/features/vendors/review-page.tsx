import { Alert, Button, Card, Checkbox, Fieldset, Heading, Paragraph, Radio, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { QuestionDto, QuestionnaireDto } from '../../../modules/vendors/contract';
import { findingSeverities, reviewConclusions } from '../../../modules/vendors/fields';
import { applicableQuestions, compliance } from '../../../modules/vendors/questionnaire/applicability';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { ChoiceField } from '../systems/form-fields';
import { useQuestionnaireForReview, useVendorWrite } from './api';

export default function ReviewPage() {
  const { id = '', questionnaireId = '' } = useParams();
  const questionnaire = useQuestionnaireForReview(id, questionnaireId);
  return <QueryState query={questionnaire}>{(data) => <Review vendorId={id} questionnaire={data.questionnaire} />}</QueryState>;
}

const complianceColor = { met: 'success', not_met: 'danger', info: 'neutral', unanswered: 'warning' } as const;

function answerText(question: QuestionDto, values: string[], t: (k: MessageKey) => string): string {
  if (!values.length) return '—';
  if (question.type === 'yes_no') return values.map((v) => (v === 'yes' ? t('app.yes') : t('app.no'))).join(', ');
  if (question.type === 'choice' || question.type === 'multiple_choice') return values.map((v) => question.choices.find((c) => c.value === v)?.label ?? v).join('; ');
  return values.join(', ');
}

const inAYear = () => {
  const date = new Date();
  date.setFullYear(date.getFullYear() + 1);
  return date.toISOString().slice(0, 10);
};

function Review({ vendorId, questionnaire }: { vendorId: string; questionnaire: QuestionnaireDto }) {
  const { t, formatDate } = useI18n();
  const answers = useMemo(() => new Map(questionnaire.answers.map((a) => [a.questionUrn, a])), [questionnaire]);
  const values = useMemo(() => new Map(questionnaire.answers.map((a) => [a.questionUrn, a.values])), [questionnaire]);
  const questions = questionnaire.nodes.flatMap((n) => n.questions);
  const applicable = applicableQuestions(questions, questionnaire.groupRules, values);
  const notMet = questionnaire.nodes.flatMap((n) => n.questions.filter((q) => applicable.has(q.urn) && compliance(q, values.get(q.urn)) === 'not_met').map((q) => ({ node: n, question: q })));
  const met = questions.filter((q) => applicable.has(q.urn) && compliance(q, values.get(q.urn)) === 'met').length;

  const [conclusion, setConclusion] = useState(notMet.length ? 'approved_with_findings' : 'approved');
  const [summary, setSummary] = useState('');
  const [nextReviewOn, setNextReviewOn] = useState(inAYear());
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(notMet.map((x) => x.question.urn)));
  const [severity, setSeverity] = useState<string>('medium');
  const review = useVendorWrite<{ notified: number }>('post', `/api/vendors/${vendorId}/questionnaires/${questionnaire.id}/review`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    review.mutate({
      conclusion,
      summary,
      nextReviewOn,
      findings: notMet
        .filter((x) => chosen.has(x.question.urn))
        .map((x) => ({ title: `${x.node.refId ?? ''} ${x.node.title ?? ''}`.trim(), description: `${x.question.text} ${t('review.answer')}: ${answerText(x.question, values.get(x.question.urn) ?? [], t)}`, severity })),
    });
  };
  return (
    <Page title={t('review.title', { vendor: questionnaire.vendorName })} lead={t('review.lead', { template: questionnaire.templateName })}>
      <Link to={`/leverandorer/${vendorId}`}>{t('review.backToVendor')}</Link>
      {review.isSuccess ? (
        <Alert data-color="success">
          <Paragraph>{t('review.published', { count: review.data.notified })}</Paragraph>
          <Link to={`/leverandorer/${vendorId}`}>{t('review.backToVendor')}</Link>
        </Alert>
      ) : null}
      <Paragraph>
        {questionnaire.submittedAt ? t('review.submitted', { date: formatDate(questionnaire.submittedAt, true) }) : t(`portal.status.${questionnaire.status}` as MessageKey)} ·{' '}
        {t('review.counts', { met, notMet: notMet.length, total: applicable.size })}
      </Paragraph>
      {questionnaire.nodes
        .filter((n) => n.questions.some((q) => applicable.has(q.urn)))
        .map((node) => (
          <Card key={node.urn}>
            <Heading level={2} data-size="2xs">
              {node.refId} {node.title}
            </Heading>
            {node.questions
              .filter((q) => applicable.has(q.urn))
              .map((q) => {
                const state = compliance(q, values.get(q.urn));
                return (
                  <div key={q.urn} className="stack">
                    <Paragraph data-size="sm">{q.text}</Paragraph>
                    <Paragraph>
                      <strong>{answerText(q, values.get(q.urn) ?? [], t)}</strong>{' '}
                      <Tag data-color={complianceColor[state]} data-size="sm">
                        {t(`review.compliance.${state}` as MessageKey)}
                      </Tag>
                    </Paragraph>
                    {answers.get(q.urn)?.comment ? <Paragraph data-size="sm">{answers.get(q.urn)!.comment}</Paragraph> : null}
                  </div>
                );
              })}
          </Card>
        ))}
      {questionnaire.status === 'submitted' && !review.isSuccess ? (
        <Card>
          <Heading level={2} data-size="xs">
            {t('review.conclude')}
          </Heading>
          {(
            <form className="stack" onSubmit={submit} noValidate>
              <FormErrors error={review.error} fieldIds={{ summary: 'review-summary', nextReviewOn: 'review-next' }} />
              {notMet.length ? (
                <Fieldset>
                  <Fieldset.Legend>{t('review.findings')}</Fieldset.Legend>
                  <Fieldset.Description>{t('review.findingsHelp')}</Fieldset.Description>
                  {notMet.map((x) => (
                    <Checkbox
                      key={x.question.urn}
                      label={`${x.node.refId ?? ''} ${x.node.title ?? ''}`}
                      description={answerText(x.question, values.get(x.question.urn) ?? [], t)}
                      checked={chosen.has(x.question.urn)}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(x.question.urn);
                        else next.delete(x.question.urn);
                        setChosen(next);
                      }}
                    />
                  ))}
                  <ChoiceField id="review-severity" label={t('vendors.severity')} value={severity} onChange={setSeverity} options={findingSeverities.map((s) => ({ value: s, label: t(`vendors.severity.${s}` as MessageKey) }))} />
                </Fieldset>
              ) : null}
              <Fieldset>
                <Fieldset.Legend>{t('review.conclusion')}</Fieldset.Legend>
                {reviewConclusions.map((c) => (
                  <Radio key={c} name="conclusion" value={c} label={t(`vendors.conclusion.${c}` as MessageKey)} checked={conclusion === c} onChange={() => setConclusion(c)} />
                ))}
              </Fieldset>
              <Textfield id="review-summary" label={t('review.summary')} description={t('review.summaryHelp')} multiline rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} error={fieldError(review.error, 'summary')} />
              <Textfield id="review-next" type="date" label={t('review.nextReviewOn')} value={nextReviewOn} onChange={(e) => setNextReviewOn(e.target.value)} error={fieldError(review.error, 'nextReviewOn')} />
              <div>
                <Button type="submit" disabled={review.isPending}>
                  {t('review.publish')}
                </Button>
              </div>
            </form>
          )}
        </Card>
      ) : null}
    </Page>
  );
}
