import { Alert, Button, Card, Heading, List, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { RiskMatrix, ThreatCatalogue } from '../../../modules/risk/content';
import type { AssessmentDetailResponse } from '../../../modules/risk/contract';
import { FormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { riskRequests, useAssessment, useAssessmentChange, useRiskContent } from './api';
import { AddThreat } from './add-threat';
import { Candidates } from './candidates';
import { MatrixHelp } from './matrix-help';
import { RiskCard } from './risk-card';
import { RiskMap } from './risk-map';

export default function RiskPage() {
  const { id = '' } = useParams();
  const assessment = useAssessment(id);
  const content = useRiskContent();
  return (
    <QueryState query={assessment}>
      {(detail) => <QueryState query={content}>{(c) => <Assessment detail={detail} matrix={detail.matrix} catalogue={c.catalogue} />}</QueryState>}
    </QueryState>
  );
}

function Assessment({ detail, matrix, catalogue }: { detail: AssessmentDetailResponse; matrix: RiskMatrix; catalogue: ThreatCatalogue }) {
  const { t, formatDate } = useI18n();
  const a = detail.assessment;
  const draft = a.status === 'draft';
  const editable = draft && detail.policies.edit;
  const revise = useAssessmentChange(a.id, riskRequests.revise(a.id));
  const undo = useAssessmentChange(a.id, riskRequests.deleteRisk(a.id));
  return (
    <Page
      title={a.title}
      lead={`${t(`risk.subject.${a.subjectKind}`)}: ${a.subjectName}`}
      actions={
        <Button asChild variant="secondary">
          <a href={`/api/risk/assessments/${a.id}/pdf`} download>
            {t('risk.pdf')}
          </a>
        </Button>
      }
    >
      <Link to="/risikovurdering">{t('risk.back')}</Link>
      <Card>
        <Heading level={2} data-size="xs">
          {t('risk.about')}
        </Heading>
        <dl className="facts">
          <dt>{t('risk.col.status')}</dt>
          <dd>
            <Tag data-color={draft ? 'neutral' : 'success'} data-size="sm">
              {t(`risk.status.${a.status}`)}
            </Tag>{' '}
            {t('risk.revision', { n: a.revision })}
          </dd>
          <dt>{t('risk.form.owner')}</dt>
          <dd>{a.riskOwner?.name ?? '–'}</dd>
          <dt>{t('risk.form.review')}</dt>
          <dd>{a.reviewDate ? formatDate(a.reviewDate) : '–'}</dd>
          {a.scope ? (
            <>
              <dt>{t('risk.form.scope')}</dt>
              <dd>{a.scope}</dd>
            </>
          ) : null}
          {a.acceptedAt ? (
            <>
              <dt>{t('risk.acceptance')}</dt>
              <dd>
                {t('risk.acceptedOn', { date: formatDate(a.acceptedAt), name: a.acceptedBy?.name ?? '–' })}
                {a.acceptanceNote ? ` – ${a.acceptanceNote}` : ''}
              </dd>
            </>
          ) : null}
        </dl>
      </Card>
      {!draft ? (
        <Alert data-color="info">
          <Paragraph>{t('risk.readOnly')}</Paragraph>
          {detail.policies.edit ? (
            <Button data-size="sm" variant="secondary" onClick={() => revise.mutate(undefined)} loading={revise.isPending}>
              {t('risk.revise')}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      {editable ? <Candidates detail={detail} canEdit={editable} /> : null}

      <section className="stack" aria-labelledby="risk-risks">
        <Heading level={2} data-size="sm" id="risk-risks">
          {t('risk.risks')}
        </Heading>
        <MatrixHelp matrix={matrix} />
        {detail.risks.length === 0 ? <Paragraph>{t('risk.risksNone')}</Paragraph> : null}
        {detail.risks.map((risk) => (
          <RiskCard key={`${risk.id}:${risk.likelihood}:${risk.consequence}:${risk.residualLikelihood}:${risk.residualConsequence}:${a.status}`} assessmentId={a.id} risk={risk} matrix={matrix} editable={editable} />
        ))}
      </section>
      {editable ? <AddThreat detail={detail} catalogue={catalogue} /> : null}

      <section className="stack" aria-labelledby="risk-map">
        <Heading level={2} data-size="sm" id="risk-map">
          {t('risk.map')}
        </Heading>
        <div className="row" style={{ alignItems: 'flex-start', gap: '2rem' }}>
          <RiskMap matrix={matrix} risks={detail.risks} which="before" />
          <RiskMap matrix={matrix} risks={detail.risks} which="after" />
        </div>
      </section>

      {detail.dismissed.length ? (
        <section className="stack" aria-labelledby="risk-dismissed">
          <Heading level={2} data-size="sm" id="risk-dismissed">
            {t('risk.dismissed')}
          </Heading>
          <List.Unordered>
            {detail.dismissed.map((r) => (
              <List.Item key={r.id}>
                <strong>{r.title}</strong>: {r.rejectionReason}{' '}
                {editable ? (
                  <Button data-size="sm" variant="tertiary" onClick={() => undo.mutate(r.id)} aria-label={`${t('risk.undoDismiss')}: ${r.title}`}>
                    {t('risk.undoDismiss')}
                  </Button>
                ) : null}
              </List.Item>
            ))}
          </List.Unordered>
        </section>
      ) : null}

      {draft ? <Acceptance detail={detail} /> : null}

      {detail.versions.length ? (
        <section className="stack" aria-labelledby="risk-versions">
          <Heading level={2} data-size="sm" id="risk-versions">
            {t('risk.versions')}
          </Heading>
          <List.Unordered>
            {detail.versions.map((v) => (
              <List.Item key={v.revision}>{t('risk.versionLine', { n: v.revision, date: formatDate(v.acceptedAt), name: v.acceptedBy ?? '–' })}</List.Item>
            ))}
          </List.Unordered>
        </section>
      ) : null}
    </Page>
  );
}

function Acceptance({ detail }: { detail: AssessmentDetailResponse }) {
  const { t } = useI18n();
  const a = detail.assessment;
  const accept = useAssessmentChange(a.id, riskRequests.accept(a.id));
  const [note, setNote] = useState('');
  return (
    <section className="stack" aria-labelledby="risk-acceptance">
      <Heading level={2} data-size="sm" id="risk-acceptance">
        {t('risk.acceptance')}
      </Heading>
      {detail.canAccept ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            accept.mutate(note);
          }}
        >
          <Paragraph>{t('risk.acceptLead')}</Paragraph>
          <FormErrors error={accept.error} fieldIds={{ note: 'risk-accept-note' }} />
          <Textfield id="risk-accept-note" label={t('risk.acceptNote')} multiline rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          <div className="row">
            <Button type="submit" loading={accept.isPending}>
              {t('risk.accept')}
            </Button>
          </div>
        </form>
      ) : (
        <Paragraph>{a.riskOwner ? t('risk.onlyOwner', { name: a.riskOwner.name }) : t('risk.noOwnerYet')}</Paragraph>
      )}
    </section>
  );
}
