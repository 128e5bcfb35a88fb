import { Alert, Button, Details, Field, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { FrameworkDetailResponse, NodeDto } from '../../../modules/library/contract';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { diffPath, exportUrl, frameworkPath, nodeText, useAdoptVersion, useFramework } from './api';
import { NodeBody, Subtree, type TreeContext } from './requirement-node';
import { VersionNotice } from './version-notice';
import './library.css';

const MAX_RESULTS = 50;

export default function FrameworkPage() {
  const [params] = useSearchParams();
  const urn = params.get('urn') ?? '';
  const versionParam = params.get('versjon');
  const framework = useFramework(urn, versionParam ? Number(versionParam) : undefined);
  return <QueryState query={framework}>{(data) => <FrameworkView data={data} />}</QueryState>;
}

function FrameworkView({ data }: { data: FrameworkDetailResponse }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const { framework, nodes } = data;
  // Here, not in the notice: after moving, the notice disappears but the confirmation must stay.
  const adopt = useAdoptVersion();
  const context = useMemo<TreeContext>(() => {
    const children = new Map<string | null, NodeDto[]>();
    for (const node of nodes) children.set(node.parentUrn, [...(children.get(node.parentUrn) ?? []), node]);
    return { frameworkRef: framework.refId, sourceUrl: framework.sourceUrl, children };
  }, [nodes, framework.refId, framework.sourceUrl]);
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim().toLowerCase());
  const results = useMemo(() => {
    if (!deferred) return null;
    return nodes.filter((n) => {
      const { title, summary } = nodeText(n, language);
      return [title, summary, n.refId, `${framework.refId} ${n.refId ?? ''}`].some((text) => text?.toLowerCase().includes(deferred));
    });
  }, [deferred, nodes, language, framework.refId]);
  const newest = framework.versions[0]!;
  const name = language === 'en' && framework.nameEn ? framework.nameEn : framework.name;
  const previous = framework.versions.find((v) => v.version < framework.version)?.version ?? framework.versions[1]?.version;
  return (
    <Page
      title={name}
      lead={framework.description ?? undefined}
      actions={
        <>
          <Button asChild variant="secondary" data-size="sm">
            <a href={exportUrl(framework.urn, framework.version, 'yaml')} download>
              {t('library.downloadYaml')}
            </a>
          </Button>
          <Button asChild variant="secondary" data-size="sm">
            <a href={exportUrl(framework.urn, framework.version, 'xlsx')} download>
              {t('library.downloadXlsx')}
            </a>
          </Button>
        </>
      }
    >
      <Paragraph>
        <Link to="/kravbibliotek">{t('library.back')}</Link>
      </Paragraph>
      {adopt.isSuccess ? (
        <Alert data-color="success" role="status">
          {t('version.moved', { version: adopt.data.inUse.version })}
        </Alert>
      ) : framework.inUse && framework.inUse.version < newest.version && data.policies.viewVersionImpact ? (
        <VersionNotice urn={framework.urn} name={name} newest={newest.version} canAdopt={data.policies.adoptVersion} adopt={adopt} />
      ) : null}
      <div className="row">
        <Field>
          <Label htmlFor="framework-version">{t('library.versionLabel')}</Label>
          <Select id="framework-version" value={String(framework.version)} onChange={(e) => navigate(frameworkPath(framework.urn, Number(e.target.value)))}>
            {framework.versions.map((v) => (
              <option key={v.version} value={v.version}>
                {t('library.version', { version: v.version })}
                {framework.inUse?.version === v.version ? ` – ${t('library.inUse', { version: v.version })}` : ''}
              </option>
            ))}
          </Select>
        </Field>
        {framework.versions.length > 1 && previous !== undefined && previous !== framework.version ? (
          <Paragraph>
            <Link to={diffPath(framework.urn, Math.min(previous, framework.version), Math.max(previous, framework.version))}>{t('library.compare')}</Link>
          </Paragraph>
        ) : null}
      </div>
      {framework.notes ? (
        <Details>
          <Details.Summary>{t('library.notes')}</Details.Summary>
          <Details.Content>
            <Paragraph className="library-long">{framework.notes}</Paragraph>
          </Details.Content>
        </Details>
      ) : null}
      <Textfield label={t('library.search')} description={t('library.searchHint')} value={search} onChange={(e) => setSearch(e.target.value)} type="search" />
      {results ? (
        <>
          <Paragraph role="status">
            {t('library.searchCount', { count: results.length })}
            {results.length > MAX_RESULTS ? ` ${t('library.searchMore', { count: MAX_RESULTS })}` : ''}
          </Paragraph>
          <ul className="library-tree">
            {results.slice(0, MAX_RESULTS).map((node) => (
              <li key={node.urn} className="library-node">
                <NodeBody node={node} context={context} showTitle />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Subtree parent={null} context={context} defaultOpen={nodes.length <= 150} />
      )}
    </Page>
  );
}
