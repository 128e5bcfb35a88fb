import { Alert, Button, Checkbox, Field, Fieldset, Label, Radio, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { QuestionDto } from '../../../modules/assessment/contract';
import { FormErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n';
import { useSaveAnswer } from './api';

/** One question on a requirement; the answer counts in the requirement's status at once. */
export function QuestionForm({ question, canAnswer }: { question: QuestionDto; canAnswer: boolean }) {
  const { t } = useI18n();
  const save = useSaveAnswer();
  const [values, setValues] = useState<string[]>(question.answer?.values ?? []);
  const id = `q-${question.urn.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  const choices = question.type === 'yes_no' ? [{ value: 'yes', label: t('framework.yes') }, { value: 'no', label: t('framework.no') }] : question.choices;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ questionUrn: question.urn, version: question.answer?.version ?? 0, values });
  };
  const single = (value: string) => setValues(value ? [value] : []);
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <FormErrors error={save.error} fieldIds={{}} />
      {save.isSuccess ? <Alert data-color="success">{t('framework.answerSaved')}</Alert> : null}
      {question.type === 'yes_no' || question.type === 'choice' || question.type === 'multiple_choice' ? (
        <Fieldset disabled={!canAnswer}>
          <Fieldset.Legend>{question.text}</Fieldset.Legend>
          {choices.map((choice) =>
            question.type === 'multiple_choice' ? (
              <Checkbox
                key={choice.value}
                label={choice.label}
                value={choice.value}
                checked={values.includes(choice.value)}
                onChange={(e) => setValues((current) => (e.target.checked ? [...current, choice.value] : current.filter((v) => v !== choice.value)))}
              />
            ) : (
              <Radio key={choice.value} name={id} label={choice.label} value={choice.value} checked={values[0] === choice.value} onChange={() => single(choice.value)} />
            ),
          )}
        </Fieldset>
      ) : question.type === 'text' ? (
        <Field>
          <Label htmlFor={id}>{question.text}</Label>
          <Textarea id={id} value={values[0] ?? ''} onChange={(e) => single(e.target.value)} disabled={!canAnswer} rows={3} />
        </Field>
      ) : (
        <Textfield id={id} label={question.text} type={question.type === 'date' ? 'date' : 'text'} inputMode={question.type === 'number' ? 'decimal' : undefined} value={values[0] ?? ''} onChange={(e) => single(e.target.value)} disabled={!canAnswer} />
      )}
      {canAnswer ? (
        <div>
          <Button type="submit" variant="secondary" data-size="sm" disabled={save.isPending}>
            {t('framework.saveAnswer')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
