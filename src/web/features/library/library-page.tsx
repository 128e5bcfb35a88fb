import { Card, Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { FrameworkSummaryDto } from '../../../modules/library/contract';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { frameworkPath, useFrameworks } from './api';
import './library.css';

export default function LibraryPage() {
  const { t, formatNumber } = useI18n();
  const frameworks = useFrameworks();
  return (
    <Page title={t('nav.library')} lead={t('library.lead')}>
      <QueryState query={frameworks}>
        {(data) => {
          const names = new Map(data.frameworks.map((f) => [f.urn, f.refId]));
          return (
            <>
              <section className="stack" aria-labelledby="library-frameworks">
                <Heading level={2} data-size="sm" id="library-frameworks">
                  {t('library.frameworks')}
                </Heading>
                <div className="grid-cards">
                  {data.frameworks.filter((f) => f.kind === 'framework').map((f) => (
                    <FrameworkCard key={f.urn} framework={f} />
                  ))}
                </div>
              </section>
              {data.frameworks.some((f) => f.kind === 'questionnaire') ? (
                <section className="stack" aria-labelledby="library-questionnaires">
                  <Heading level={2} data-size="sm" id="library-questionnaires">
                    {t('library.questionnaires')}
                  </Heading>
                  <div className="grid-cards">
                    {data.frameworks.filter((f) => f.kind === 'questionnaire').map((f) => (
                      <FrameworkCard key={f.urn} framework={f} />
                    ))}
                  </div>
                </section>
              ) : null}
              {data.mappingSets.length ? (
                <section className="stack" aria-labelledby="library-mappings">
                  <Heading level={2} data-size="sm" id="library-mappings">
                    {t('library.mappingSets')}
                  </Heading>
                  <List.Unordered>
                    {data.mappingSets.map((s) => (
                      <List.Item key={s.urn}>
                        {names.get(s.sourceFrameworkUrn) ?? s.sourceFrameworkUrn} → {names.get(s.targetFrameworkUrn) ?? s.targetFrameworkUrn}:{' '}
                        {t('library.mappingSetLine', { name: s.name, count: formatNumber(s.mappings), version: s.version })}
                      </List.Item>
                    ))}
                  </List.Unordered>
                </section>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

function FrameworkCard({ framework: f }: { framework: FrameworkSummaryDto }) {
  const { t, formatNumber, language } = useI18n();
  const newest = f.versions[0]!;
  const shown = f.versions.find((v) => v.version === (f.inUse?.version ?? newest.version)) ?? newest;
  const behind = f.inUse && f.inUse.version < newest.version;
  const name = language === 'en' && f.nameEn ? f.nameEn : f.name;
  return (
    <Card data-color={behind ? 'warning' : 'neutral'}>
      <Heading level={3} data-size="xs">
        <Link to={frameworkPath(f.urn)}>{name}</Link>
      </Heading>
      {f.description ? <Paragraph data-size="sm" className="clamp-3">{f.description}</Paragraph> : null}
      <Paragraph data-size="sm" className="muted">
        {f.refId}
        {f.provider ? ` · ${t('library.provider', { provider: f.provider })}` : ''}
      </Paragraph>
      <Paragraph data-size="sm">
        {t('library.counts', { nodes: formatNumber(shown.nodes), assessable: formatNumber(shown.assessable), questions: formatNumber(shown.questions) })}
      </Paragraph>
      <div className="row">
        <Tag data-color="neutral">{f.inUse ? (f.inUse.adopted ? t('library.inUse', { version: f.inUse.version }) : t('library.inUseNewest', { version: f.inUse.version })) : t('library.version', { version: newest.version })}</Tag>
        {behind ? <Tag data-color="warning">{t('library.newVersion', { version: newest.version })}</Tag> : null}
        <Tag data-color="info" variant="outline">
          {shown.origin === 'content' ? t('library.fromNational') : t('library.imported')}
        </Tag>
      </div>
    </Card>
  );
}
