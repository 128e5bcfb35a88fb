import { Alert, Button, Card, Field, Heading, Input, Label, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import type { EvidenceDto, MeasureDetailResponse } from '../../../modules/assessment/contract';
import { EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES } from '../../../modules/assessment/limits';
import { FormErrors, fieldError } from '../../components/form-errors';
import { useI18n } from '../../i18n';
import { readAsBase64, useAddEvidence, useRemoveEvidence } from './api';

const linkFields = { title: 'evidence-link-title', url: 'evidence-link-url' };
const fileFields = { file: 'evidence-file', fileName: 'evidence-file', contentBase64: 'evidence-file' };

/** Evidence for a measure: files kept in Samsvar, and links to where the documentation lives. */
export function EvidenceSection({ data }: { data: MeasureDetailResponse }) {
  const { t } = useI18n();
  const canAdd = data.policies.answer;
  return (
    <Card>
      <Heading level={2} data-size="sm">
        {t('evidence.title')}
      </Heading>
      {data.evidence.length === 0 ? <Paragraph>{t('evidence.empty')}</Paragraph> : <EvidenceList items={data.evidence} canRemove={canAdd} />}
      {canAdd ? (
        <>
          <FileForm measureUrn={data.measure.urn} />
          <LinkForm measureUrn={data.measure.urn} />
        </>
      ) : null}
    </Card>
  );
}

function EvidenceList({ items, canRemove }: { items: EvidenceDto[]; canRemove: boolean }) {
  const { t, formatDate } = useI18n();
  const remove = useRemoveEvidence();
  return (
    <>
      <FormErrors error={remove.error} fieldIds={{}} />
      <ul className="evidence-list">
        {items.map((item) => (
          <li key={item.id}>
            {item.kind === 'file' ? (
              <a href={`/api/assessment/evidence/${item.id}/file`} download={item.fileName ?? undefined} aria-label={t('evidence.download', { name: item.title })}>
                {item.title}
              </a>
            ) : (
              <a href={item.url ?? '#'} rel="noreferrer noopener" target="_blank" aria-label={t('evidence.open', { name: item.title })}>
                {item.title}
              </a>
            )}
            <span className="muted" data-size="sm">
              {item.sizeBytes ? `${Math.max(1, Math.round(item.sizeBytes / 1024))} kB · ` : ''}
              {t('evidence.by', { name: item.createdBy?.name ?? '', date: formatDate(item.createdAt) })}
            </span>
            {canRemove ? (
              <Button variant="tertiary" data-color="danger" data-size="sm" onClick={() => remove.mutate(item.id)} disabled={remove.isPending} aria-label={t('evidence.removeLabel', { name: item.title })}>
                {t('evidence.remove')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function FileForm({ measureUrn }: { measureUrn: string }) {
  const { t } = useI18n();
  const add = useAddEvidence();
  const input = useRef<HTMLInputElement>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setLocalError(null);
    if (!file) return setLocalError(t('evidence.chooseFile'));
    const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
    // Checked here to save a pointless upload; the server checks the bytes themselves.
    if (!(EVIDENCE_EXTENSIONS as readonly string[]).includes(extension)) return setLocalError(t('evidence.fileType'));
    if (file.size > EVIDENCE_MAX_BYTES) return setLocalError(t('evidence.fileTooLarge'));
    add.mutate(
      { kind: 'file', measureUrn, fileName: file.name, contentBase64: await readAsBase64(file) },
      {
        onSuccess: () => {
          if (input.current) input.current.value = '';
        },
      },
    );
  };
  const error = localError ?? fieldError(add.error, 'file') ?? fieldError(add.error, 'fileName');
  return (
    <form onSubmit={(e) => void submit(e)} className="stack" noValidate aria-labelledby="upload-heading">
      <Heading level={3} data-size="xs" id="upload-heading">
        {t('evidence.upload')}
      </Heading>
      {add.isSuccess ? <Alert data-color="success">{t('evidence.added')}</Alert> : null}
      {add.error && !error ? <FormErrors error={add.error} fieldIds={{}} /> : null}
      <Field>
        <Label htmlFor={fileFields.file}>{t('evidence.file')}</Label>
        <Field.Description>{t('evidence.fileHelp')}</Field.Description>
        <Input id={fileFields.file} type="file" ref={input} accept={EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(',')} aria-invalid={Boolean(error)} />
        {error ? <ValidationMessage>{error}</ValidationMessage> : null}
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={add.isPending}>
          {t('evidence.upload')}
        </Button>
      </div>
    </form>
  );
}

function LinkForm({ measureUrn }: { measureUrn: string }) {
  const { t } = useI18n();
  const add = useAddEvidence();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { kind: 'link', measureUrn, title, url },
      {
        onSuccess: () => {
          setTitle('');
          setUrl('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="stack" noValidate aria-labelledby="link-heading">
      <Heading level={3} data-size="xs" id="link-heading">
        {t('evidence.addLink')}
      </Heading>
      <FormErrors error={add.error} fieldIds={linkFields} />
      <Textfield id={linkFields.title} label={t('evidence.linkTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(add.error, 'title')} />
      <Textfield id={linkFields.url} type="url" label={t('evidence.url')} description={t('evidence.urlHelp')} value={url} onChange={(e) => setUrl(e.target.value)} error={fieldError(add.error, 'url')} />
      <div>
        <Button type="submit" variant="secondary" disabled={add.isPending}>
          {t('evidence.addLink')}
        </Button>
      </div>
    </form>
  );
}
