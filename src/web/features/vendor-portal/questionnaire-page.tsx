import { Alert, Button, Card, Checkbox, ErrorSummary, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AnswerDto, QuestionDto, QuestionnaireDto } from '../../../modules/vendors/contract';
import { applicableQuestions } from '../../../modules/vendors/questionnaire/applicability';
import { api, ApiError } from '../../api/client';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';

const SAVE_DELAY_MS = 700;
export const questionDomId = (urn: string) => `q-${urn.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export default function QuestionnairePage() {
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: ['portal', id], queryFn: () => api.get<{ questionnaire: QuestionnaireDto }>(`/api/portal/questionnaires/${id}`) });
  return <QueryState query={detail}>{(data) => <Questionnaire key={data.questionnaire.version} questionnaire={data.questionnaire} />}</QueryState>;
}

function Questionnaire({ questionnaire }: { questionnaire: QuestionnaireDto }) {
  const { t, formatDate } = useI18n();
  const client = useQueryClient();
  const editable = questionnaire.status === 'sent' || questionnaire.status === 'in_progress';
  const [values, setValues] = useState(() => new Map(questionnaire.answers.map((a) => [a.questionUrn, a.values])));
  const versions = useRef(new Map(questionnaire.answers.map((a) => [a.questionUrn, a.version])));
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [saveState, setSaveState] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; at?: Date; error?: ApiError }>({ kind: 'idle' });
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const questions = useMemo(() => questionnaire.nodes.flatMap((n) => n.questions), [questionnaire]);
  const applicable = applicableQuestions(questions, questionnaire.groupRules, values);
  const answered = questions.filter((q) => applicable.has(q.urn) && (values.get(q.urn) ?? []).some((v) => v.trim())).length;

  /** Saves what changed since the last save; each answer names the version it was based on. */
  const flush = async () => {
    if (!pending.current.size) return;
    const urns = [...pending.current];
    pending.current.clear();
    setSaveState({ kind: 'saving' });
    try {
      const result = await api.put<{ answers: AnswerDto[] }>(`/api/portal/questionnaires/${questionnaire.id}/answers`, {
        answers: urns.map((urn) => ({ questionUrn: urn, values: values.get(urn) ?? [], ...(versions.current.has(urn) ? { version: versions.current.get(urn) } : {}) })),
      });
      for (const a of result.answers) versions.current.set(a.questionUrn, a.version);
      setSaveState({ kind: 'saved', at: new Date() });
    } catch (error) {
      for (const urn of urns) pending.current.add(urn);
      setSaveState({ kind: 'error', error: error instanceof ApiError ? error : undefined });
    }
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => void flushRef.current(), []);

  const change = (urn: string, next: string[]) => {
    setValues((current) => new Map(current).set(urn, next));
    pending.current.add(urn);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), SAVE_DELAY_MS);
  };

  const submit = async () => {
    if (timer.current) clearTimeout(timer.current);
    await flush();
    try {
      await api.post(`/api/portal/questionnaires/${questionnaire.id}/submit`);
      setSubmitted(true);
      setSubmitError(null);
      await client.invalidateQueries({ queryKey: ['portal'] });
    } catch (error) {
      setSubmitError(error instanceof ApiError ? error : null);
      setTimeout(() => summaryRef.current?.focus());
    }
  };

  return (
    <Page title={questionnaire.templateName} lead={t('portal.answerLead')}>
      <Link to="/leverandorportal">{t('portal.back')}</Link>
      {questionnaire.message ? (
        <Alert data-color="info">
          <Paragraph>
            {t('portal.messageFromTeam')}: {questionnaire.message}
          </Paragraph>
        </Alert>
      ) : null}
      {submitted || !editable ? (
        <Alert data-color="success">
          <Paragraph>{questionnaire.status === 'reviewed' ? t('portal.reviewed') : t('portal.submittedText')}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph role="status">
        {t('portal.progress', { answered, total: applicable.size })}
        {questionnaire.dueOn ? ` · ${t('portal.dueOnText', { date: formatDate(questionnaire.dueOn) })}` : ''}
        {saveState.kind === 'saving' ? ` · ${t('portal.saving')}` : saveState.kind === 'saved' && saveState.at ? ` · ${t('portal.saved', { time: formatDate(saveState.at, true) })}` : ''}
      </Paragraph>
      {saveState.kind === 'error' ? (
        <Alert data-color="danger">
          <Paragraph>{saveState.error?.code === 'CONFLICT' ? t('portal.conflict') : (saveState.error?.message ?? t('portal.saveFailed'))}</Paragraph>
        </Alert>
      ) : null}
      {submitError ? (
        <div ref={summaryRef} tabIndex={-1}>
          {submitError.issues.length ? (
            <ErrorSummary>
              <ErrorSummary.Heading>{submitError.message}</ErrorSummary.Heading>
              <ErrorSummary.List>
                {submitError.issues.map((issue) => (
                  <ErrorSummary.Item key={issue.field}>
                    <ErrorSummary.Link href={`#${questionDomId(issue.field)}`}>{issue.message}</ErrorSummary.Link>
                  </ErrorSummary.Item>
                ))}
              </ErrorSummary.List>
            </ErrorSummary>
          ) : (
            <Alert data-color="danger">{submitError.message}</Alert>
          )}
        </div>
      ) : null}
      {questionnaire.nodes
        .filter((node) => node.questions.some((q) => applicable.has(q.urn)))
        .map((node) => (
          <Card key={node.urn}>
            <Heading level={2} data-size="xs">
              {node.refId} {node.title}
            </Heading>
            {node.summary ? <Paragraph data-size="sm">{node.summary}</Paragraph> : null}
            {node.typicalEvidence ? (
              <Paragraph data-size="sm" className="muted">
                {t('portal.evidence')}: {node.typicalEvidence}
              </Paragraph>
            ) : null}
            {node.questions
              .filter((q) => applicable.has(q.urn))
              .map((q) => (
                <QuestionField key={q.urn} question={q} values={values.get(q.urn) ?? []} readOnly={!editable || submitted} onChange={(next) => change(q.urn, next)} error={submitError?.issues.find((i) => i.field === q.urn)?.message} />
              ))}
          </Card>
        ))}
      {editable && !submitted ? (
        <div className="row">
          <Button onClick={() => void submit()}>{t('portal.submit')}</Button>
          <Paragraph data-size="sm">{t('portal.submitHelp')}</Paragraph>
        </div>
      ) : null}
    </Page>
  );
}

function QuestionField({ question, values, readOnly, onChange, error }: { question: QuestionDto; values: string[]; readOnly: boolean; onChange: (values: string[]) => void; error?: string }) {
  const { t } = useI18n();
  const id = questionDomId(question.urn);
  if (question.type === 'text' || question.type === 'date' || question.type === 'number') {
    const common = { id, label: question.text, value: values[0] ?? '', readOnly, error, onChange: (e: { target: { value: string } }) => onChange(e.target.value ? [e.target.value] : []) };
    return question.type === 'text' ? <Textfield {...common} multiline rows={3} /> : <Textfield {...common} type={question.type === 'date' ? 'date' : 'number'} />;
  }
  const choices = question.type === 'yes_no' ? [{ value: 'yes', label: t('app.yes') }, { value: 'no', label: t('app.no') }] : question.choices;
  return (
    <Fieldset id={id} tabIndex={-1} aria-invalid={error ? true : undefined}>
      <Fieldset.Legend>{question.text}</Fieldset.Legend>
      {question.type === 'multiple_choice' ? <Fieldset.Description>{t('portal.chooseAll')}</Fieldset.Description> : null}
      {choices.map((choice) =>
        question.type === 'multiple_choice' ? (
          <Checkbox
            key={choice.value}
            label={choice.label}
            value={choice.value}
            checked={values.includes(choice.value)}
            disabled={readOnly}
            onChange={(e) => onChange(e.target.checked ? [...values, choice.value] : values.filter((v) => v !== choice.value))}
          />
        ) : (
          <Radio key={choice.value} name={id} label={choice.label} value={choice.value} checked={values[0] === choice.value} disabled={readOnly} onChange={() => onChange([choice.value])} />
        ),
      )}
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
