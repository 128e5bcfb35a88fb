import { Alert, Button, ErrorSummary, Field, Heading, Label, List, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { columns } from '../../../modules/systems/columns';
import type { ImportPreviewDto } from '../../../modules/systems/import';
import { FormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n';
import { previewImport, readFileAsBase64, runImport, type UploadedFile } from './api';

/** A template with the column headers the import reads (the same as the export writes). */
function templateHref(): string {
  const header = columns.map((c) => c.header).join(';');
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${header}\n`)}`;
}

export default function ImportPage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [file, setFile] = useState<UploadedFile | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const preview = useMutation({ mutationFn: previewImport });
  const confirm = useMutation({
    mutationFn: runImport,
    onSuccess: () => client.invalidateQueries({ queryKey: ['systems'] }),
  });
  const data = preview.data;
  useEffect(() => {
    if (data?.errorCount) summary.current?.focus();
  }, [data]);
  const choose = async (chosen: File | undefined) => {
    confirm.reset();
    preview.reset();
    if (!chosen) return setFile(null);
    const uploaded = await readFileAsBase64(chosen);
    setFile(uploaded);
    preview.mutate(uploaded);
  };
  return (
    <Page title={t('systemsImport.title')} lead={t('systemsImport.lead')}>
      <Link to="/systemer">{t('systems.back')}</Link>
      <section className="stack" aria-labelledby="import-how">
        <Heading level={2} data-size="xs" id="import-how">
          {t('systemsImport.how')}
        </Heading>
        <List.Ordered>
          <List.Item>{t('systemsImport.step1')}</List.Item>
          <List.Item>{t('systemsImport.step2')}</List.Item>
          <List.Item>{t('systemsImport.step3')}</List.Item>
        </List.Ordered>
        <Paragraph data-size="sm">
          <a href={templateHref()} download="systemoversikt-mal.csv">
            {t('systemsImport.template')}
          </a>{' '}
          · {t('systemsImport.exportHint')}
        </Paragraph>
      </section>
      <Field>
        <Label htmlFor="import-file">{t('systemsImport.file')}</Label>
        <Field.Description>{t('systemsImport.fileHelp')}</Field.Description>
        <input id="import-file" type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e.target.files?.[0])} />
      </Field>
      <FormErrors error={preview.error} fieldIds={{}} />
      {preview.isPending ? <Paragraph role="status">{t('systemsImport.reading')}</Paragraph> : null}
      {data ? <Preview data={data} summaryRef={summary} /> : null}
      {confirm.isSuccess ? (
        <Alert data-color="success">
          <Paragraph>{t('systemsImport.done', { created: confirm.data.created, updated: confirm.data.updated })}</Paragraph>
          <Link to="/systemer">{t('systemsImport.toOverview')}</Link>
        </Alert>
      ) : null}
      <FormErrors error={confirm.error} fieldIds={{}} />
      {data && file && !confirm.isSuccess ? (
        <div className="row">
          <Button onClick={() => confirm.mutate(file)} disabled={data.errorCount > 0 || confirm.isPending}>
            {t('systemsImport.confirm', { count: data.rows.length })}
          </Button>
          {data.errorCount > 0 ? <Paragraph>{t('systemsImport.fixFirst')}</Paragraph> : null}
        </div>
      ) : null}
    </Page>
  );
}

function Preview({ data, summaryRef }: { data: ImportPreviewDto; summaryRef: React.RefObject<HTMLDivElement | null> }) {
  const { t } = useI18n();
  const errors = data.rows.flatMap((r) => r.errors.map((e, i) => ({ key: `${r.row}-${i}`, row: r.row, text: t('systemsImport.errorLine', { row: r.row, column: e.column, message: e.message }) })));
  return (
    <section className="stack" aria-labelledby="preview-heading">
      <Heading level={2} data-size="sm" id="preview-heading">
        {t('systemsImport.preview', { file: data.fileName })}
      </Heading>
      <Paragraph role="status">{t('systemsImport.counts', { create: data.createCount, update: data.updateCount, errors: data.errorCount })}</Paragraph>
      {data.ignoredColumns.length ? <Alert data-color="info">{t('systemsImport.ignored', { columns: data.ignoredColumns.join(', ') })}</Alert> : null}
      {errors.length ? (
        <div ref={summaryRef} tabIndex={-1}>
          <ErrorSummary>
            <ErrorSummary.Heading>{t('systemsImport.errorsHeading')}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {errors.map((e) => (
                <ErrorSummary.Item key={e.key}>
                  <ErrorSummary.Link href={`#import-row-${e.row}`}>{e.text}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        </div>
      ) : null}
      <div className="table-wrap">
        <Table>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('systemsImport.row')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systems.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systemsImport.action')}</Table.HeaderCell>
              <Table.HeaderCell>{t('systemsImport.messages')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.rows.map((r) => (
              <Table.Row key={r.row} id={`import-row-${r.row}`} tabIndex={-1}>
                <Table.Cell>{r.row}</Table.Cell>
                <Table.Cell>{r.name || <span className="muted">{t('systemsImport.noName')}</span>}</Table.Cell>
                <Table.Cell>
                  {r.errors.length ? (
                    <Tag data-color="danger" data-size="sm">{t('systemsImport.hasErrors')}</Tag>
                  ) : (
                    <Tag data-color={r.action === 'create' ? 'success' : 'info'} data-size="sm">
                      {t(r.action === 'create' ? 'systemsImport.create' : 'systemsImport.update')}
                    </Tag>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {[...r.errors, ...r.warnings].map((m, i) => (
                    <Paragraph key={i} data-size="sm">
                      <strong>{m.column}:</strong> {m.message}
                    </Paragraph>
                  ))}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
