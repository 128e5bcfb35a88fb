import { Alert, Button, Field, Heading, Label, List, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ImportResponse } from '../../../modules/library/contract';
import { IMPORT_MAX_CHARS } from '../../../modules/library/limits';
import { ApiError } from '../../api/client';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n';
import { frameworkPath, useImportLibrary } from './api';
import './library.css';

/** The national team's import: choose a file, see what would happen, then import (all or nothing). */
export default function ImportPage() {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const importer = useImportLibrary();
  const errorRef = useRef<HTMLDivElement>(null);

  const choose = async (chosen: File | undefined) => {
    importer.reset();
    setFile(null);
    setFileError(null);
    if (!chosen) return;
    const content = await chosen.text();
    if (content.length > IMPORT_MAX_CHARS) setFileError(t('import.tooLarge'));
    else setFile({ name: chosen.name, content });
  };
  const submit = (dryRun: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    if (!file) {
      setFileError(t('import.chooseFile'));
      input.current?.focus();
      return;
    }
    importer.mutate(
      { fileName: file.name, content: file.content, dryRun },
      { onError: () => setTimeout(() => errorRef.current?.focus(), 0) },
    );
  };
  const result = importer.data;
  const error = importer.error;
  return (
    <Page title={t('import.title')} lead={t('import.lead')}>
      <form className="stack" onSubmit={submit(true)} noValidate>
        <Field>
          <Label htmlFor="library-file">{t('import.file')}</Label>
          <Paragraph data-size="sm" className="muted" id="library-file-hint">
            {t('import.fileHint')}
          </Paragraph>
          <input
            ref={input}
            id="library-file"
            type="file"
            accept=".yaml,.yml,application/yaml,text/yaml"
            aria-describedby={fileError ? 'library-file-hint library-file-error' : 'library-file-hint'}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => void choose(e.target.files?.[0])}
          />
          {fileError ? <ValidationMessage id="library-file-error">{fileError}</ValidationMessage> : null}
        </Field>
        <div className="row">
          <Button type="submit" variant={result?.dryRun ? 'secondary' : 'primary'} disabled={importer.isPending}>
            {t('import.preview')}
          </Button>
          {result?.dryRun ? (
            <Button type="button" onClick={() => submit(false)()} disabled={importer.isPending}>
              {t('import.confirm')}
            </Button>
          ) : null}
        </div>
      </form>
      {error ? (
        <Alert data-color="danger" ref={errorRef} tabIndex={-1}>
          <Heading level={2} data-size="xs">
            {t('import.failed')}
          </Heading>
          {error instanceof ApiError && error.issues.length > 1 ? (
            <List.Unordered>
              {error.issues.map((issue) => (
                <List.Item key={`${issue.field} ${issue.message}`}>
                  {issue.field ? <code>{issue.field}</code> : null} {issue.message}
                </List.Item>
              ))}
            </List.Unordered>
          ) : (
            <Paragraph>{error instanceof ApiError ? error.message : t('app.loadFailed')}</Paragraph>
          )}
        </Alert>
      ) : null}
      {result ? <ImportResult response={result} /> : null}
    </Page>
  );
}

function ImportResult({ response }: { response: ImportResponse }) {
  const { t, formatNumber } = useI18n();
  const { result, dryRun } = response;
  const statusText = (status: 'created' | 'upgraded' | 'unchanged', previous: number | null) =>
    status === 'upgraded' ? t('import.status.upgraded', { previous: previous ?? '' }) : t(`import.status.${status}`);
  return (
    <Alert data-color={dryRun ? 'info' : 'success'} role="status">
      <Heading level={2} data-size="xs">
        {dryRun ? t('import.previewTitle') : t('import.resultTitle')}
      </Heading>
      <div className="table-wrap">
        <Table>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('import.framework')}</Table.HeaderCell>
              <Table.HeaderCell>{t('library.versionLabel')}</Table.HeaderCell>
              <Table.HeaderCell>{t('import.nodes')}</Table.HeaderCell>
              <Table.HeaderCell>{t('import.assessable')}</Table.HeaderCell>
              <Table.HeaderCell>{t('import.questions')}</Table.HeaderCell>
              <Table.HeaderCell>{t('import.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {result.frameworks.map((f) => (
              <Table.Row key={f.urn}>
                <Table.Cell>{dryRun ? f.urn : <Link to={frameworkPath(f.urn, f.version)}>{f.urn}</Link>}</Table.Cell>
                <Table.Cell>{f.version}</Table.Cell>
                <Table.Cell>{formatNumber(f.nodes)}</Table.Cell>
                <Table.Cell>{formatNumber(f.assessable)}</Table.Cell>
                <Table.Cell>{formatNumber(f.questions)}</Table.Cell>
                <Table.Cell>{statusText(f.status, f.previousVersion)}</Table.Cell>
              </Table.Row>
            ))}
            {result.mappingSets.map((s) => (
              <Table.Row key={s.urn}>
                <Table.Cell>{s.urn}</Table.Cell>
                <Table.Cell>{s.version}</Table.Cell>
                <Table.Cell colSpan={3}>
                  {t('import.mappings')}: {formatNumber(s.mappings)}
                </Table.Cell>
                <Table.Cell>{statusText(s.status, null)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </Alert>
  );
}
