import { Button, Dialog, Field, Heading, Label, Select, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { PersonRef } from '../../../modules/assessment/contract';
import { FormErrors, fieldError } from '../../components/form-errors';
import { useI18n, type MessageKey } from '../../i18n';
import { useCreateAction } from './api';

const fields = { title: 'new-action-title', description: 'new-action-description', ownerUserId: 'new-action-owner', dueDate: 'new-action-due', effort: 'new-action-effort' };

export function NewActionDialog({ people }: { people: PersonRef[] }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const create = useCreateAction();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [effort, setEffort] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { title, description: description || null, ownerUserId: owner || null, dueDate: due || null, effort: (effort || null) as 'low' | 'medium' | 'high' | null },
      {
        onSuccess: (result) => {
          dialog.current?.close();
          navigate(`/handlingsplan/${result.action.id}`);
        },
      },
    );
  };
  return (
    <>
      <Button onClick={() => dialog.current?.showModal()}>{t('actions.new')}</Button>
      <Dialog ref={dialog} closedby="any" aria-labelledby="new-action-heading">
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="new-action-heading">
            {t('actions.new')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <form onSubmit={submit} className="stack" noValidate>
            <FormErrors error={create.error} fieldIds={fields} />
            <Textfield id={fields.title} label={t('actions.titleField')} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(create.error, 'title')} />
            <Field>
              <Label htmlFor={fields.description}>{t('actions.description')}</Label>
              <Textarea id={fields.description} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
            </Field>
            <Field>
              <Label htmlFor={fields.ownerUserId}>{t('actions.owner')}</Label>
              <Select id={fields.ownerUserId} value={owner} onChange={(e) => setOwner(e.target.value)}>
                <option value="">{t('actions.noOwner')}</option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Textfield id={fields.dueDate} type="date" label={t('actions.due')} value={due} onChange={(e) => setDue(e.target.value)} error={fieldError(create.error, 'dueDate')} />
            <Field>
              <Label htmlFor={fields.effort}>{t('actions.effort')}</Label>
              <Select id={fields.effort} value={effort} onChange={(e) => setEffort(e.target.value)}>
                <option value="">–</option>
                {(['low', 'medium', 'high'] as const).map((e) => (
                  <option key={e} value={e}>
                    {t(`assessment.effort.${e}` as MessageKey)}
                  </option>
                ))}
              </Select>
            </Field>
            <div className="row">
              <Button type="submit" disabled={create.isPending}>
                {t('actions.create')}
              </Button>
              <Button type="button" variant="tertiary" onClick={() => dialog.current?.close()}>
                {t('app.cancel')}
              </Button>
            </div>
          </form>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
