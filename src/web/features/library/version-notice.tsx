import { Alert, Button, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { diffPath, useImpact, type useAdoptVersion } from './api';

/**
 * "A new version is available": what it changes for this organisation's own answers, and the choice to move.
 * The organisation stays on its version until someone with the right role moves it.
 */
export function VersionNotice({ urn, name, newest, canAdopt, adopt }: { urn: string; name: string; newest: number; canAdopt: boolean; adopt: ReturnType<typeof useAdoptVersion> }) {
  const { t } = useI18n();
  const impact = useImpact(urn, true);
  return (
    <QueryState query={impact}>
      {({ impact: i }) => {
        if (!i.diff) return null;
        const s = i.diff.summary;
        const lines = [
          s.added ? t('version.added', { count: s.added }) : null,
          s.removed ? t('version.removed', { count: s.removed }) : null,
          s.changed ? t('version.changed', { count: s.changed }) : null,
        ].filter(Boolean);
        const forYou = [
          i.answeredMeasuresWithChangedMappings.length ? t('version.answeredMeasures', { count: i.answeredMeasuresWithChangedMappings.length }) : null,
          i.newRequirementsWithoutAnswer.length ? t('version.newWithoutAnswer', { count: i.newRequirementsWithoutAnswer.length }) : null,
          i.removedRequirementsWithAnswers.length ? t('version.removedWithAnswers', { count: i.removedRequirementsWithAnswers.length }) : null,
          i.answeredQuestionsChanged.length ? t('version.questionsChanged', { count: i.answeredQuestionsChanged.length }) : null,
        ].filter(Boolean);
        return (
          <Alert data-color="warning" className="library-notice">
            <Heading level={2} data-size="xs">
              {t('version.noticeTitle', { name, version: newest })}
            </Heading>
            <Paragraph>{t('version.noticeLead', { inUse: i.inUse.version })}</Paragraph>
            {lines.length ? <Paragraph>{lines.join(' · ')}</Paragraph> : null}
            {forYou.length ? (
              <List.Unordered className="library-impact">
                {forYou.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List.Unordered>
            ) : (
              <Paragraph>{t('version.nothingForYou')}</Paragraph>
            )}
            <div className="row">
              {canAdopt ? (
                <Button onClick={() => adopt.mutate({ frameworkUrn: urn, version: newest })} disabled={adopt.isPending}>
                  {t('version.move', { version: newest })}
                </Button>
              ) : (
                <Paragraph data-size="sm">{t('version.askSomeone')}</Paragraph>
              )}
              <Paragraph>
                <Link to={diffPath(urn, i.inUse.version, newest)}>{t('version.seeAll')}</Link>
              </Paragraph>
            </div>
            {adopt.isError ? <Paragraph role="alert">{adopt.error instanceof ApiError ? adopt.error.message : t('app.loadFailed')}</Paragraph> : null}
          </Alert>
        );
      }}
    </QueryState>
  );
}
