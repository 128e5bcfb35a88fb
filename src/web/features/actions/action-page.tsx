import { Alert, Button, Card, Field, Heading, Label, Paragraph, Select, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { ActionDetailResponse } from '../../../modules/actions/contract';
import type { ActionStatus } from '../../../modules/assessment/schema';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import '../assessment/assessment.css';
import { measurePath } from '../assessment/api';
import { StatusTag } from '../assessment/ui';
import { ActionStatusTag, OverdueTag } from './action-plan-page';
import { actionStatusList, useAction, useAddNote, useUpdateAction } from './api';

export default function ActionPage() {
  const { t } = useI18n();
  const id = useParams().id ?? '';
  const action = useAction(id);
  const update = useUpdateAction();
  return (
    <QueryState query={action}>
      {(data) => (
        <Page title={data.action.title} lead={t(`actionSource.${data.action.sourceType}` as MessageKey)} actions={<Link to="/handlingsplan">{t('actions.back')}</Link>}>
          <div className="row">
            <ActionStatusTag status={data.action.status} />
            {data.action.overdue ? <OverdueTag /> : null}
            <span>{t('actions.score', { score: data.action.priority })}</span>
          </div>
          {data.action.measure ? (
            <Paragraph>
              {t('actions.measure')}: <Link to={measurePath(data.action.measure.urn)}>{`${data.action.measure.code} ${data.action.measure.title}`}</Link>{' '}
              <StatusTag status={data.action.measure.status} />
            </Paragraph>
          ) : null}
          {data.action.measure?.status === 'implemented' && (data.action.status === 'open' || data.action.status === 'in_progress') ? (
            <Alert data-color="info">{t('actions.measureDone')}</Alert>
          ) : null}
          {data.action.description ? <Paragraph className="prose">{data.action.description}</Paragraph> : null}
          <div className="two-columns">
            <EditForm key={data.action.version} data={data} update={update} />
            <Notes data={data} />
          </div>
        </Page>
      )}
    </QueryState>
  );
}

const fields = { title: 'action-title', status: 'action-status', ownerUserId: 'action-owner', dueDate: 'action-due', description: 'action-description' };

function EditForm({ data, update }: { data: ActionDetailResponse; update: ReturnType<typeof useUpdateAction> }) {
  const { t } = useI18n();
  const a = data.action;
  const [title, setTitle] = useState(a.title);
  const [status, setStatus] = useState<ActionStatus>(a.status);
  const [owner, setOwner] = useState(a.owner?.id ?? '');
  const [due, setDue] = useState(a.dueDate ?? '');
  const [description, setDescription] = useState(a.description ?? '');
  if (!data.policies.update) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      data.policies.edit
        ? { id: a.id, version: a.version, title, status, ownerUserId: owner || null, dueDate: due || null, description: description || null }
        : { id: a.id, version: a.version, status },
    );
  };
  return (
    <Card>
      <form onSubmit={submit} className="stack" noValidate>
        <FormErrors error={update.error} fieldIds={fields} />
        {update.isSuccess ? <Alert data-color="success">{t('actions.saved')}</Alert> : null}
        {data.policies.edit ? null : <Paragraph data-size="sm">{t('actions.readOnly')}</Paragraph>}
        {data.policies.edit ? <Textfield id={fields.title} label={t('actions.titleField')} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(update.error, 'title')} /> : null}
        <Field>
          <Label htmlFor={fields.status}>{t('actions.status')}</Label>
          <Select id={fields.status} value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
            {actionStatusList.map((s) => (
              <option key={s} value={s}>
                {t(`actionStatus.${s}` as MessageKey)}
              </option>
            ))}
          </Select>
        </Field>
        {data.policies.edit ? (
          <>
            <Field>
              <Label htmlFor={fields.ownerUserId}>{t('actions.owner')}</Label>
              <Select id={fields.ownerUserId} value={owner} onChange={(e) => setOwner(e.target.value)}>
                <option value="">{t('actions.noOwner')}</option>
                {data.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Textfield id={fields.dueDate} type="date" label={t('actions.due')} value={due} onChange={(e) => setDue(e.target.value)} error={fieldError(update.error, 'dueDate')} />
            <Field>
              <Label htmlFor={fields.description}>{t('actions.description')}</Label>
              <Textarea id={fields.description} value={description} onChange={(e) => setDescription(e.target.value)} rows={4} />
            </Field>
          </>
        ) : null}
        <div>
          <Button type="submit" disabled={update.isPending}>
            {t('actions.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Notes({ data }: { data: ActionDetailResponse }) {
  const { t, formatDate } = useI18n();
  const add = useAddNote(data.action.id);
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <Card>
      <Heading level={2} data-size="sm">
        {t('actions.notes')}
      </Heading>
      {data.notes.length === 0 ? (
        <Paragraph>{t('actions.noNotes')}</Paragraph>
      ) : (
        <ol className="stack">
          {data.notes.map((note) => (
            <li key={note.id}>
              <Paragraph>{note.body}</Paragraph>
              <Paragraph data-size="sm" className="muted">
                {t('actions.noteBy', { name: note.author?.name ?? '', date: formatDate(note.createdAt, true) })}
              </Paragraph>
            </li>
          ))}
        </ol>
      )}
      {data.policies.update ? (
        <form onSubmit={submit} className="stack" noValidate>
          <FormErrors error={add.error} fieldIds={{ body: 'action-note' }} />
          <Field>
            <Label htmlFor="action-note">{t('actions.note')}</Label>
            <Textarea id="action-note" value={body} onChange={(e) => setBody(e.target.value)} rows={3} />
          </Field>
          <div>
            <Button type="submit" variant="secondary" disabled={add.isPending}>
              {t('actions.addNote')}
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
