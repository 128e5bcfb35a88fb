import { Alert, Button, Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link, useNavigate, useParams } from 'react-router';
import type { EntryDetailDto, FieldViewDto } from '../../../modules/processing/contract';
import { fieldDef, fieldGroups, type FieldGroup } from '../../../modules/processing/fields';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useDeleteEntry, useEntry, useRecord, type MeasureTitles } from './api';
import { areaTitle, issueText } from './display';
import { FieldRow } from './field-row';
import { FillInForm } from './fill-in-form';
import { DpiaEntrySection } from '../dpia/entry-section';

/** One entry: what is missing first, then the fields to fill, then every field with its source. */
export default function EntryPage() {
  const { id = '' } = useParams();
  const entry = useEntry(id);
  return <QueryState query={entry}>{(data) => <EntryView entry={data.entry} measures={data.measures} canEdit={data.policies?.edit === true} />}</QueryState>;
}

function EntryView({ entry, measures, canEdit }: { entry: EntryDetailDto; measures: MeasureTitles; canEdit: boolean }) {
  const { t, language } = useI18n();
  const record = useRecord('');
  const areas = record.data?.serviceAreas ?? [];
  const kindText =
    entry.kind === 'template' ? t('processing.kind.templateVersion', { version: entry.templateVersion ?? '' }) : t(entry.kind === 'local' ? 'processing.kind.local' : 'processing.kind.processor');
  const inFillForm = (f: FieldViewDto) => canEdit && f.required && f.key !== 'service_area';
  const byGroup = (group: FieldGroup) => entry.fields.filter((f) => (fieldDef(f.key)?.group ?? 'general') === group && !inFillForm(f));
  return (
    <Page
      title={entry.name}
      lead={`${kindText} · ${areaTitle(areas, entry.serviceArea, language)}`}
      actions={
        <Button asChild variant="tertiary">
          <Link to="/behandlingsprotokoll">{t('processing.backToRecord')}</Link>
        </Button>
      }
    >
      {entry.openProposalId ? (
        <Alert data-color="info">
          <Paragraph>
            {t('processing.entry.proposal', { version: entry.latestTemplateVersion ?? '' })} <Link to={`/behandlingsprotokoll/forslag/${entry.openProposalId}`}>{t('processing.entry.seeProposal')}</Link>
          </Paragraph>
        </Alert>
      ) : null}
      <Status entry={entry} />
      <DpiaEntrySection entryId={entry.id} />
      {canEdit && entry.fields.some((f) => f.required) ? <FillInForm entry={entry} measures={measures} /> : null}
      {fieldGroups.map((group) => {
        const fields = byGroup(group);
        if (!fields.length) return null;
        return (
          <section key={group} aria-labelledby={`group-${group}`} className="stack">
            <Heading level={2} data-size="sm" id={`group-${group}`}>
              {t(`processing.group.${group}` as MessageKey)}
            </Heading>
            {fields.map((field: FieldViewDto) =>
              field.key === 'systems' || field.key === 'processors' ? (
                <LinkedRow key={field.key} entry={entry} fieldKey={field.key} />
              ) : (
                <FieldRow key={field.key} entry={entry} field={field} measures={measures} canEdit={canEdit} areaName={(id) => areaTitle(areas, id, language)} />
              ),
            )}
          </section>
        );
      })}
      {canEdit ? <RemoveEntry entry={entry} /> : null}
    </Page>
  );
}

function Status({ entry }: { entry: EntryDetailDto }) {
  const { t, language } = useI18n();
  const errors = entry.issues.filter((i) => i.severity === 'error');
  const warnings = entry.issues.filter((i) => i.severity === 'warning');
  return (
    <Alert data-color={entry.complete ? 'success' : 'warning'}>
      <Heading level={2} data-size="xs">
        {entry.complete ? t('processing.entry.complete') : t('processing.entry.incomplete', { count: errors.length })}
      </Heading>
      {entry.issues.length ? (
        <List.Unordered>
          {[...errors, ...warnings].map((issue, index) => (
            <List.Item key={`${issue.code}-${issue.field}-${index}`}>
              {issue.field ? <a href={`#field-${issue.code === 'DPIA_NOT_RECORDED' ? 'dpia-recorded' : issue.field}`}>{issueText(issue, t, language)}</a> : issueText(issue, t, language)}
              {issue.severity === 'warning' ? (
                <>
                  {' '}
                  <Tag data-color="neutral" data-size="sm">
                    {t('processing.entry.warning')}
                  </Tag>
                </>
              ) : null}
            </List.Item>
          ))}
        </List.Unordered>
      ) : (
        <Paragraph>{t('processing.entry.completeText')}</Paragraph>
      )}
    </Alert>
  );
}

function LinkedRow({ entry, fieldKey }: { entry: EntryDetailDto; fieldKey: 'systems' | 'processors' }) {
  const { t, language } = useI18n();
  const items =
    fieldKey === 'systems'
      ? entry.systems.map((s) => s.name)
      : entry.processors.map((p) => `${p.name} – ${p.dpaInPlace ? t('processing.links.dpaYes', { date: p.dpaDate ?? '' }) : t('processing.links.dpaNo')}`);
  const none = fieldKey === 'systems' ? entry.systemsNone : entry.processorsNone;
  return (
    <div id={`field-${fieldKey}`} className="stack" style={{ paddingBlock: 'var(--ds-size-2)', borderBottom: '1px solid var(--ds-color-neutral-border-subtle)' }}>
      <strong>{fieldDef(fieldKey)?.label[language]}</strong>
      {items.length ? (
        <List.Unordered>
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List.Unordered>
      ) : (
        <Paragraph className={none ? undefined : 'muted'}>{none ? t('app.none') : t('processing.notFilled')}</Paragraph>
      )}
    </div>
  );
}

function RemoveEntry({ entry }: { entry: EntryDetailDto }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const remove = useDeleteEntry(entry.id);
  return (
    <section className="stack" aria-labelledby="remove-heading">
      <Heading level={2} data-size="xs" id="remove-heading">
        {t('processing.remove.title')}
      </Heading>
      <div>
        <ConfirmDialog
          headingId="remove-dialog-heading"
          trigger={{ label: t('processing.remove.button'), danger: true }}
          title={t('processing.remove.title')}
          confirm={{ label: t('processing.remove.button'), danger: true }}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(entry.version, { onSuccess: () => navigate('/behandlingsprotokoll') })}
        >
          <Paragraph>{t('processing.remove.confirm', { name: entry.name })}</Paragraph>
        </ConfirmDialog>
      </div>
    </section>
  );
}
