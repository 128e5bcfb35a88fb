import { Button, Field, Fieldset, Label, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useT } from '../../i18n';
import { useCatalogue, useDpiaList, useStartDpia } from './api';

const fieldIds = { entryId: 'new-entry', templateSlug: 'new-template', title: 'new-title' };

/** Start a DPIA for a processing activity, from a national template or blank. */
export default function NewDpiaPage() {
  const t = useT();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const list = useDpiaList();
  const catalogue = useCatalogue();
  const start = useStartDpia();
  const [entryId, setEntryId] = useState(params.get('entry') ?? '');
  const [template, setTemplate] = useState('');
  const [title, setTitle] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({ entryId, templateSlug: template || null, title }, { onSuccess: (d) => void navigate(`/dpia/${d.dpia.id}`) });
  };
  return (
    <Page title={t('dpia.new.title')} lead={t('dpia.new.lead')}>
      <QueryState query={list}>
        {(data) => (
          <form className="stack" onSubmit={submit} noValidate>
            <FormErrors error={start.error} fieldIds={fieldIds} />
            <Field>
              <Label htmlFor={fieldIds.entryId}>{t('dpia.new.entry')}</Label>
              <Select id={fieldIds.entryId} value={entryId} onChange={(e) => setEntryId(e.target.value)}>
                <option value="">–</option>
                {data.entries.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Fieldset id={fieldIds.templateSlug}>
              <Fieldset.Legend>{t('dpia.new.template')}</Fieldset.Legend>
              {(catalogue.data?.templates ?? []).map((tpl) => (
                <Radio
                  key={tpl.slug}
                  name="template"
                  value={tpl.slug}
                  label={tpl.title}
                  description={`${t('dpia.new.localCount', { count: tpl.localFieldCount })}. ${tpl.summary ?? ''}`}
                  checked={template === tpl.slug}
                  onChange={() => {
                    setTemplate(tpl.slug);
                    if (!title) setTitle(`DPIA: ${tpl.title}`);
                  }}
                />
              ))}
              <Radio name="template" value="" label={t('dpia.new.blank')} checked={template === ''} onChange={() => setTemplate('')} />
            </Fieldset>
            <Textfield id={fieldIds.title} label={t('dpia.new.name')} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(start.error, 'title')} />
            <div>
              <Button type="submit" disabled={start.isPending}>
                {t('dpia.new.create')}
              </Button>
            </div>
          </form>
        )}
      </QueryState>
    </Page>
  );
}
