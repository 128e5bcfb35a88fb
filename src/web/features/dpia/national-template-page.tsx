import { Alert, Button, Heading, List, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { TemplateDetailDto } from '../../../modules/dpia/contract';
import { FormErrors, fieldError } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { useNationalTemplate, usePublish } from './api';

/** One national DPIA template: edit the summary and principle texts and publish a new version. */
export default function DpiaNationalTemplatePage() {
  const { slug = '' } = useParams();
  const template = useNationalTemplate(slug);
  // Kept here, so the confirmation survives the form being reset for the new version.
  const publish = usePublish(slug);
  return (
    <QueryState query={template}>
      {(data) => <TemplateView key={data.template.version} template={data.template} canPublish={data.policies.publishTemplates} publish={publish} />}
    </QueryState>
  );
}

function TemplateView({ template, canPublish, publish }: { template: TemplateDetailDto; canPublish: boolean; publish: ReturnType<typeof usePublish> }) {
  const { t, formatDate } = useI18n();
  const textPrinciples = Object.entries(template.content.principles).filter(([, p]) => typeof p.value === 'string');
  const [summary, setSummary] = useState(template.summary ?? '');
  const [principles, setPrinciples] = useState<Record<string, string>>(Object.fromEntries(textPrinciples.map(([k, p]) => [k, p.value as string])));
  const [changeNote, setChangeNote] = useState('');
  const fieldIds = { summary: 'tpl-summary', changeNote: 'tpl-note', ...Object.fromEntries(textPrinciples.map(([k]) => [`principles.${k}`, `tpl-${k}`])) };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate({ baseVersion: template.version, summary, principles, changeNote });
  };
  return (
    <Page
      title={template.title}
      lead={`${t('dpia.col.version')} ${template.version}`}
      actions={
        <Button asChild variant="tertiary">
          <Link to="/nasjonalt/dpia-maler">{t('dpia.national.title')}</Link>
        </Button>
      }
    >
      {publish.data ? (
        <Alert data-color="success" role="status">
          {t('dpia.national.published', { version: publish.data.version, count: publish.data.proposals })}
        </Alert>
      ) : null}
      {canPublish ? (
        <form className="stack" onSubmit={submit} noValidate>
          <Heading level={2} data-size="sm">
            {t('dpia.national.edit')}
          </Heading>
          <FormErrors error={publish.error} fieldIds={fieldIds} />
          <Textfield id="tpl-summary" label={t('dpia.national.summary')} multiline rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} error={fieldError(publish.error, 'summary')} />
          {textPrinciples.map(([key]) => (
            <Textfield key={key} id={`tpl-${key}`} label={t(`dpia.principle.${key}` as MessageKey)} multiline rows={3} value={principles[key] ?? ''} onChange={(e) => setPrinciples((all) => ({ ...all, [key]: e.target.value }))} error={fieldError(publish.error, `principles.${key}`)} />
          ))}
          <Textfield id="tpl-note" label={t('dpia.national.changeNote')} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} error={fieldError(publish.error, 'changeNote')} />
          <div>
            <Button type="submit" disabled={publish.isPending}>
              {t('dpia.national.publish')}
            </Button>
          </div>
        </form>
      ) : (
        <Paragraph>{template.summary}</Paragraph>
      )}
      <Heading level={2} data-size="sm">
        {t('dpia.national.history')}
      </Heading>
      <List.Unordered>
        {template.history.map((h) => (
          <List.Item key={h.version}>
            {t('dpia.col.version')} {h.version}, {formatDate(h.publishedAt)}
            {h.changeNote ? ` – ${h.changeNote}` : ''}
          </List.Item>
        ))}
      </List.Unordered>
    </Page>
  );
}
