import { Alert, Button, Card, Details, Fieldset, Heading, Paragraph, Radio, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ProposalDetailDto, ProposalFieldDto, Resolution } from '../../../modules/processing/contract';
import { FormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { useDecideProposal, useProposal, type MeasureTitles } from './api';
import { FieldValueView, label } from './display';

/**
 * One proposal: the municipality's entry against the new template version, field by field. Fields changed
 * only nationally follow the template; where both changed, the municipality chooses (keep mine / take new).
 */
export default function ProposalPage() {
  const { id = '' } = useParams();
  const proposal = useProposal(id);
  return <QueryState query={proposal}>{(data) => <ProposalView proposal={data.proposal} measures={data.measures} canEdit={data.policies.edit} />}</QueryState>;
}

function ProposalView({ proposal, measures, canEdit }: { proposal: ProposalDetailDto; measures: MeasureTitles; canEdit: boolean }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const { accept, decline } = useDecideProposal(proposal.id);
  const [resolutions, setResolutions] = useState<Record<string, Resolution>>({});
  const [note, setNote] = useState('');
  const conflicts = proposal.fields.filter((f) => f.change === 'conflict');
  const changes = proposal.fields.filter((f) => f.change === 'updated' || f.change === 'converged');
  const kept = proposal.fields.filter((f) => f.change === 'kept');
  const fieldIds = Object.fromEntries(conflicts.map((f) => [`resolutions.${f.key}`, `resolve-${f.key}`]));
  const open = proposal.status === 'open';
  return (
    <Page title={t('processing.proposal.title', { name: proposal.entryName })} lead={t('processing.proposal.lead', { from: proposal.fromVersion, to: proposal.toVersion })}>
      <Paragraph>
        <Link to="/behandlingsprotokoll/forslag">{t('processing.proposal.back')}</Link> · <Link to={`/behandlingsprotokoll/${proposal.entryId}`}>{t('processing.proposal.toEntry')}</Link>
      </Paragraph>
      {proposal.changeNote ? (
        <Alert data-color="info">
          <Heading level={2} data-size="xs">
            {t('processing.proposal.changeNote')}
          </Heading>
          <Paragraph>{proposal.changeNote}</Paragraph>
        </Alert>
      ) : null}
      {!open ? (
        <Alert data-color={proposal.status === 'accepted' ? 'success' : 'neutral'}>
          {t(`processing.proposals.status.${proposal.status}` as MessageKey)}
          {proposal.decisionNote ? ` – ${proposal.decisionNote}` : ''}
        </Alert>
      ) : null}
      <FormErrors error={accept.error ?? decline.error} fieldIds={fieldIds} />
      {conflicts.length ? (
        <section className="stack" aria-labelledby="conflicts-heading">
          <Heading level={2} data-size="sm" id="conflicts-heading">
            {t('processing.proposal.conflicts', { count: conflicts.length })}
          </Heading>
          <Paragraph>{t('processing.proposal.conflictsHelp')}</Paragraph>
          {conflicts.map((f) => (
            <Card key={f.key}>
              <DiffField field={f} measures={measures} />
              {open && canEdit ? (
                <Fieldset id={`resolve-${f.key}`}>
                  <Fieldset.Legend>{t('processing.proposal.choose', { field: label(f.key, language) })}</Fieldset.Legend>
                  <Radio label={t('processing.proposal.keepMine')} name={`resolve-${f.key}`} value="mine" checked={resolutions[f.key] === 'mine'} onChange={() => setResolutions((r) => ({ ...r, [f.key]: 'mine' }))} />
                  <Radio label={t('processing.proposal.takeNew')} name={`resolve-${f.key}`} value="theirs" checked={resolutions[f.key] === 'theirs'} onChange={() => setResolutions((r) => ({ ...r, [f.key]: 'theirs' }))} />
                </Fieldset>
              ) : proposal.resolutions[f.key] ? (
                <Tag data-size="sm">{t(proposal.resolutions[f.key] === 'mine' ? 'processing.proposal.keptMine' : 'processing.proposal.tookNew')}</Tag>
              ) : null}
            </Card>
          ))}
        </section>
      ) : null}
      <section className="stack" aria-labelledby="changes-heading">
        <Heading level={2} data-size="sm" id="changes-heading">
          {t('processing.proposal.changes', { count: changes.length })}
        </Heading>
        {changes.length ? (
          changes.map((f) => (
            <Card key={f.key}>
              <DiffField field={f} measures={measures} />
            </Card>
          ))
        ) : (
          <Paragraph>{t('processing.proposal.noChanges')}</Paragraph>
        )}
      </section>
      {proposal.localFieldsAdded.length ? <Alert data-color="warning">{t('processing.proposal.newLocal', { fields: proposal.localFieldsAdded.map((k) => label(k, language)).join(', ') })}</Alert> : null}
      {kept.length ? (
        <Details>
          <Details.Summary>{t('processing.proposal.kept', { count: kept.length })}</Details.Summary>
          <Details.Content>
            <Paragraph>{kept.map((f) => label(f.key, language)).join(', ')}</Paragraph>
          </Details.Content>
        </Details>
      ) : null}
      {open && canEdit ? (
        <Card>
          <div className="stack">
            <Heading level={2} data-size="sm">
              {t('processing.proposal.decide')}
            </Heading>
            <div>
              <Button
                disabled={accept.isPending}
                onClick={() => accept.mutate({ entryVersion: proposal.entryVersion, resolutions }, { onSuccess: () => navigate(`/behandlingsprotokoll/${proposal.entryId}`) })}
              >
                {t('processing.proposal.accept')}
              </Button>
            </div>
            <Textfield label={t('processing.proposal.declineNote')} multiline rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            <div>
              <Button variant="secondary" disabled={decline.isPending} onClick={() => decline.mutate(note.trim() || null, { onSuccess: () => navigate('/behandlingsprotokoll/forslag') })}>
                {t('processing.proposal.decline')}
              </Button>
            </div>
          </div>
        </Card>
      ) : null}
    </Page>
  );
}

function DiffField({ field, measures }: { field: ProposalFieldDto; measures: MeasureTitles }) {
  const { t, language } = useI18n();
  return (
    <div className="stack">
      <div className="row" style={{ alignItems: 'center' }}>
        <Heading level={3} data-size="xs">
          {label(field.key, language)}
        </Heading>
        <Tag data-color={field.change === 'conflict' ? 'warning' : 'info'} data-size="sm">
          {t(`processing.change.${field.change}` as MessageKey)}
        </Tag>
      </div>
      <div className="grid-cards">
        <div>
          <Paragraph data-size="sm" className="muted">
            {field.hasMine ? t('processing.proposal.mine') : t('processing.proposal.current')}
          </Paragraph>
          <FieldValueView fieldKey={field.key} value={field.hasMine ? field.mine : field.base} measures={measures} />
        </div>
        <div>
          <Paragraph data-size="sm" className="muted">
            {t('processing.proposal.theirs')}
          </Paragraph>
          <FieldValueView fieldKey={field.key} value={field.theirs} measures={measures} />
        </div>
      </div>
      {field.hasMine ? (
        <Details>
          <Details.Summary>{t('processing.proposal.base')}</Details.Summary>
          <Details.Content>
            <FieldValueView fieldKey={field.key} value={field.base} measures={measures} />
          </Details.Content>
        </Details>
      ) : null}
    </div>
  );
}
