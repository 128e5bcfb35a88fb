import { Button, Card, Heading, List, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AssessmentDetailResponse, CandidateDto } from '../../../modules/risk/contract';
import { QueryState } from '../../components/query-state';
import { FormErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n';
import { riskRequests, useAssessmentChange, useCandidates } from './api';

/** The suggested threats: include one into the assessment, or dismiss it with a reason. */
export function Candidates({ detail, canEdit }: { detail: AssessmentDetailResponse; canEdit: boolean }) {
  const { t } = useI18n();
  const id = detail.assessment.id;
  const candidates = useCandidates(id);
  return (
    <section className="stack" aria-labelledby="risk-candidates">
      <Heading level={2} data-size="sm" id="risk-candidates">
        {t('risk.candidates')}
      </Heading>
      <Paragraph>{detail.assessment.subjectKind === 'service' ? t('risk.candidatesService') : t('risk.candidatesLead')}</Paragraph>
      <QueryState query={candidates}>
        {(data) => {
          const raised = data.candidates.filter((c) => c.raised);
          const missing = data.candidates.filter((c) => !c.raised);
          return (
            <>
              {raised.length === 0 && detail.assessment.subjectKind !== 'service' ? <Paragraph>{t('risk.candidatesNone')}</Paragraph> : null}
              {raised.map((c) => (
                <CandidateCard key={c.threatUrn} id={id} candidate={c} canEdit={canEdit} />
              ))}
              {missing.length ? (
                <details>
                  <summary>
                    {t('risk.missingHeading')} ({missing.length})
                  </summary>
                  <div className="stack">
                    <Paragraph data-size="sm">{t('risk.missingLead')}</Paragraph>
                    {missing.map((c) => (
                      <CandidateCard key={c.threatUrn} id={id} candidate={c} canEdit={canEdit} />
                    ))}
                    {detail.assessment.systemId ? <Link to={`/systemer/${detail.assessment.systemId}`}>{detail.assessment.subjectName}</Link> : null}
                  </div>
                </details>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function CandidateCard({ id, candidate, canEdit }: { id: string; candidate: CandidateDto; canEdit: boolean }) {
  const { t } = useI18n();
  const include = useAssessmentChange(id, riskRequests.addRisk(id));
  const dismiss = useAssessmentChange(id, riskRequests.dismiss(id));
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = `dismiss-${candidate.threatUrn.split(':').pop()}`;
  return (
    <Card data-color={candidate.raised ? 'warning' : 'neutral'}>
      <Heading level={3} data-size="xs">
        {candidate.title}
      </Heading>
      <Paragraph data-size="sm">{candidate.description}</Paragraph>
      {candidate.raised ? (
        <div>
          <strong>{t('risk.why')}</strong>
          <List.Unordered data-size="sm">
            {candidate.reasons.map((r, i) => (
              <List.Item key={i}>
                {r.text} ({r.systemName})
              </List.Item>
            ))}
          </List.Unordered>
        </div>
      ) : (
        <Paragraph data-size="sm">
          <Tag data-color="info" data-size="sm">
            {t('risk.missingHeading')}
          </Tag>{' '}
          {t('risk.missing', { facts: [...new Set(candidate.missing.map((m) => m.title))].join('; ') })}
        </Paragraph>
      )}
      {candidate.related.length ? <Paragraph data-size="xs" className="muted">{candidate.related.join(' · ')}</Paragraph> : null}
      <FormErrors error={include.error ?? dismiss.error} fieldIds={{ reason: reasonId }} />
      {canEdit ? (
        dismissing ? (
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              dismiss.mutate({ threatUrn: candidate.threatUrn, reason });
            }}
          >
            <Textfield id={reasonId} label={`${t('risk.dismissReason')} (${candidate.title})`} value={reason} onChange={(e) => setReason(e.target.value)} />
            <div className="row">
              <Button type="submit" variant="secondary" loading={dismiss.isPending}>
                {t('risk.dismissConfirm')}
              </Button>
              <Button type="button" variant="tertiary" onClick={() => setDismissing(false)}>
                {t('risk.cancel')}
              </Button>
            </div>
          </form>
        ) : (
          <div className="row">
            <Button data-size="sm" onClick={() => include.mutate({ threatUrn: candidate.threatUrn })} loading={include.isPending} aria-label={`${t('risk.include')}: ${candidate.title}`}>
              {t('risk.include')}
            </Button>
            <Button data-size="sm" variant="secondary" onClick={() => setDismissing(true)} aria-label={`${t('risk.dismiss')}: ${candidate.title}`}>
              {t('risk.dismiss')}
            </Button>
          </div>
        )
      ) : null}
    </Card>
  );
}
