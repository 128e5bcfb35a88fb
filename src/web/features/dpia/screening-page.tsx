import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { ScreeningDto } from '../../../modules/dpia/contract';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useT } from '../../i18n';
import { useCatalogue, useDpiaList, useSaveScreening, useScreening } from './api';
import { OutcomeTag } from './display';

type Answer = ScreeningDto['criteria'][number];

/** Screening of one processing activity: the nine WP248 criteria and Datatilsynet's list. */
export default function ScreeningPage() {
  const t = useT();
  const { entryId = '' } = useParams();
  const [fromTemplate, setFromTemplate] = useState('');
  const screening = useScreening(entryId, fromTemplate);
  const catalogue = useCatalogue();
  const list = useDpiaList();
  const entryName = list.data?.entries.find((e) => e.id === entryId)?.name ?? '';
  return (
    <Page title={t('dpia.screening.title')} lead={entryName ? `${entryName}. ${t('dpia.screening.lead')}` : t('dpia.screening.lead')}>
      <Paragraph>
        <Link to="/dpia">{t('dpia.page.back')}</Link>
      </Paragraph>
      <QueryState query={screening}>
        {(data) => (
          <>
            {data.screening ? (
              <Alert data-color="info">
                <Heading level={2} data-size="xs">
                  {t('dpia.screening.result')}: <OutcomeTag outcome={data.screening.outcome} />
                </Heading>
                <Paragraph>{data.screening.reasoning}</Paragraph>
                {data.screening.outcome !== 'not_required' && data.policies.edit ? (
                  <Paragraph>
                    <Link to={`/dpia/ny?entry=${entryId}`}>{t('dpia.start')}</Link>
                  </Paragraph>
                ) : null}
              </Alert>
            ) : null}
            {data.policies.edit ? (
              <Field>
                <Label htmlFor="prefill">{t('dpia.screening.prefill')}</Label>
                <Select id="prefill" value={fromTemplate} onChange={(e) => setFromTemplate(e.target.value)} aria-describedby="prefill-help">
                  <option value="">{t('dpia.screening.prefillNone')}</option>
                  {(catalogue.data?.templates ?? []).map((tpl) => (
                    <option key={tpl.slug} value={tpl.slug}>
                      {tpl.title}
                    </option>
                  ))}
                </Select>
                <Paragraph id="prefill-help" data-size="sm">
                  {t('dpia.screening.prefillHelp')}
                </Paragraph>
              </Field>
            ) : null}
            <ScreeningForm key={`${data.screening?.version ?? 0}-${fromTemplate}`} entryId={entryId} data={data} canEdit={data.policies.edit} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

function ScreeningForm({ entryId, data, canEdit }: { entryId: string; data: NonNullable<ReturnType<typeof useScreening>['data']>; canEdit: boolean }) {
  const t = useT();
  const save = useSaveScreening(entryId);
  const start = data.suggestion ?? data.screening;
  const [answers, setAnswers] = useState<Answer[]>(() => data.criteria.wp248.map((c) => start?.criteria.find((a) => a.criterion === c.criterion) ?? { criterion: c.criterion, met: false, reason: '' }));
  const [hits, setHits] = useState<string[]>(start?.listHits ?? []);
  const [saved, setSaved] = useState<number | null>(null);
  useEffect(() => setSaved(null), [answers, hits]);
  const fieldIds: Record<string, string> = Object.fromEntries(answers.flatMap((_, i) => [[`criteria.${i}.reason`, `reason-${i}`], [`criteria.${i}`, `criterion-${i}`]]));
  const set = (i: number, change: Partial<Answer>) => setAnswers((all) => all.map((a, j) => (j === i ? { ...a, ...change } : a)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { criteria: answers, listHits: hits, templateUrn: data.suggestion?.templateUrn ?? data.screening?.templateUrn ?? null, ...(data.screening ? { version: data.screening.version } : {}) },
      { onSuccess: (r) => setSaved(r.screening.version) },
    );
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <FormErrors error={save.error} fieldIds={fieldIds} />
      {data.criteria.wp248.map((c, i) => (
        <Fieldset key={c.criterion} id={`criterion-${i}`} disabled={!canEdit}>
          <Fieldset.Legend>{t('dpia.screening.criterion', { n: c.criterion, title: c.title })}</Fieldset.Legend>
          <div className="row">
            <Radio label={t('dpia.screening.met')} name={`met-${i}`} value="yes" checked={answers[i]!.met} onChange={() => set(i, { met: true })} />
            <Radio label={t('dpia.screening.notMet')} name={`met-${i}`} value="no" checked={!answers[i]!.met} onChange={() => set(i, { met: false })} />
          </div>
          <Textfield id={`reason-${i}`} label={t('dpia.screening.reason')} value={answers[i]!.reason} onChange={(e) => set(i, { reason: e.target.value })} error={fieldError(save.error, `criteria.${i}.reason`)} />
        </Fieldset>
      ))}
      <Fieldset disabled={!canEdit}>
        <Fieldset.Legend>{t('dpia.screening.list')}</Fieldset.Legend>
        <Fieldset.Description>{t('dpia.screening.listHelp')}</Fieldset.Description>
        {data.criteria.datatilsynetList.map((item) => (
          <Checkbox
            key={item.id}
            value={item.id}
            label={item.item}
            description={item.status === 'unverified' ? t('dpia.screening.unverified') : item.status === 'partial' ? t('dpia.screening.partial') : undefined}
            checked={hits.includes(item.id)}
            onChange={(e) => setHits((all) => (e.target.checked ? [...all, item.id] : all.filter((h) => h !== item.id)))}
          />
        ))}
      </Fieldset>
      {saved ? (
        <Alert data-color="success" role="status">
          {t('dpia.screening.saved', { version: saved })}
        </Alert>
      ) : null}
      {canEdit ? (
        <div>
          <Button type="submit" disabled={save.isPending}>
            {t('dpia.screening.save')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
