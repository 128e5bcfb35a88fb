import { Button, Field, Fieldset, Label, Paragraph, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { useCreateEntry, useRecord } from './api';
import { areaTitle } from './display';

const fieldIds = { kind: 'new-kind', name: 'new-name', serviceArea: 'new-area', controller: 'new-controller' };

/** A processing activity of the municipality's own (no template), or one it carries out for another controller. */
export default function NewEntryPage() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const record = useRecord('');
  const create = useCreateEntry();
  const [kind, setKind] = useState<'local' | 'processor'>('local');
  const [name, setName] = useState('');
  const [serviceArea, setServiceArea] = useState('administrasjon');
  const [controller, setController] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { kind, name, serviceArea, ...(kind === 'processor' ? { controller } : {}) },
      { onSuccess: (data) => navigate(`/behandlingsprotokoll/${data.entry.id}`) },
    );
  };
  return (
    <Page title={t('processing.new.title')} lead={t('processing.new.lead')}>
      <Paragraph>
        <Link to="/behandlingsprotokoll/maler">{t('processing.new.templateFirst')}</Link>
      </Paragraph>
      <QueryState query={record}>
        {(data) => (
          <form onSubmit={submit} className="stack" noValidate>
            <FormErrors error={create.error} fieldIds={fieldIds} />
            <Fieldset id={fieldIds.kind}>
              <Fieldset.Legend>{t('processing.new.kind')}</Fieldset.Legend>
              <Radio label={t('processing.new.local')} description={t('processing.new.localHelp')} name="kind" value="local" checked={kind === 'local'} onChange={() => setKind('local')} />
              <Radio label={t('processing.new.processor')} description={t('processing.new.processorHelp')} name="kind" value="processor" checked={kind === 'processor'} onChange={() => setKind('processor')} />
            </Fieldset>
            <Textfield id={fieldIds.name} label={t('processing.new.name')} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(create.error, 'name')} />
            <Field>
              <Label htmlFor={fieldIds.serviceArea}>{t('processing.col.area')}</Label>
              <Select id={fieldIds.serviceArea} value={serviceArea} onChange={(e) => setServiceArea(e.target.value)}>
                {data.serviceAreas.map((a) => (
                  <option key={a.id} value={a.id}>
                    {areaTitle(data.serviceAreas, a.id, language)}
                  </option>
                ))}
              </Select>
            </Field>
            {kind === 'processor' ? (
              <Textfield
                id={fieldIds.controller}
                label={t('processing.new.controller')}
                description={t('processing.new.controllerHelp')}
                value={controller}
                onChange={(e) => setController(e.target.value)}
                error={fieldError(create.error, 'controller')}
              />
            ) : null}
            <div>
              <Button type="submit" disabled={create.isPending}>
                {t('processing.new.create')}
              </Button>
            </div>
          </form>
        )}
      </QueryState>
    </Page>
  );
}
