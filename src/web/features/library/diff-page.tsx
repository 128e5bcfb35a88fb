import { Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ReactNode } from 'react';
import type { FrameworkDiff, NodeRef } from '../../../modules/library/contract';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { diffPath, frameworkPath, measurePath, useDiff, useFramework } from './api';
import './library.css';

/** What changed between two versions of a framework: for the national team, and behind a municipality's notice. */
export default function DiffPage() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const urn = params.get('urn') ?? '';
  const framework = useFramework(urn, undefined);
  const versions = framework.data?.framework.versions.map((v) => v.version) ?? [];
  const to = Number(params.get('til') ?? versions[0] ?? 1);
  const from = Number(params.get('fra') ?? versions[1] ?? to);
  const diff = useDiff(urn, from, to, from !== to && versions.length > 0);
  const name = framework.data ? (language === 'en' && framework.data.framework.nameEn ? framework.data.framework.nameEn : framework.data.framework.name) : '';
  return (
    <QueryState query={framework}>
      {() => (
        <Page title={t('diff.title', { name })} lead={t('diff.lead')}>
          <Paragraph>
            <Link to={frameworkPath(urn)}>{name}</Link>
          </Paragraph>
          <div className="row">
            <Field>
              <Label htmlFor="diff-from">{t('diff.from')}</Label>
              <Select id="diff-from" value={String(from)} onChange={(e) => navigate(diffPath(urn, Number(e.target.value), to), { replace: true })}>
                {versions.map((v) => (
                  <option key={v} value={v}>
                    {t('library.version', { version: v })}
                  </option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="diff-to">{t('diff.to')}</Label>
              <Select id="diff-to" value={String(to)} onChange={(e) => navigate(diffPath(urn, from, Number(e.target.value)), { replace: true })}>
                {versions.map((v) => (
                  <option key={v} value={v}>
                    {t('library.version', { version: v })}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          {from === to ? <Paragraph>{t('diff.same')}</Paragraph> : <QueryState query={diff}>{({ diff: d }) => <DiffView diff={d} frameworkRef={framework.data!.framework.refId} />}</QueryState>}
        </Page>
      )}
    </QueryState>
  );
}

function DiffView({ diff, frameworkRef }: { diff: FrameworkDiff; frameworkRef: string }) {
  const { t } = useI18n();
  const s = diff.summary;
  const label = (n: NodeRef) => (
    <>
      {n.title ?? n.refId ?? n.urn} {n.refId ? <span className="library-ref">· {frameworkRef} {n.refId}</span> : null}
    </>
  );
  const nodeTable = (id: string, title: string, list: NodeRef[]) => (
    <section aria-labelledby={id} className="stack">
      <Heading level={2} data-size="xs" id={id}>
        {title} ({list.length})
      </Heading>
      {list.length ? (
        <List list={list.map((n) => ({ key: n.urn, content: label(n) }))} />
      ) : (
        <Paragraph className="muted">{t('diff.none')}</Paragraph>
      )}
    </section>
  );
  return (
    <>
      <Paragraph role="status">{t('diff.summary', { added: s.added, removed: s.removed, changed: s.changed, mappings: s.mappingsAdded + s.mappingsRemoved + s.mappingsChanged })}</Paragraph>
      <div className="library-sections">
        {nodeTable('diff-added', t('diff.added'), diff.added)}
        {nodeTable('diff-removed', t('diff.removed'), diff.removed)}
      </div>
      <section aria-labelledby="diff-changed" className="stack">
        <Heading level={2} data-size="xs" id="diff-changed">
          {t('diff.changed')} ({diff.changed.length})
        </Heading>
        {diff.changed.length ? (
          <div className="table-wrap">
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('diff.requirement')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('diff.what')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {diff.changed.map((c) => (
                  <Table.Row key={c.node.urn}>
                    <Table.Cell>{label(c.node)}</Table.Cell>
                    <Table.Cell>
                      {[
                        ...c.fields.map((f) => t(`field.${f}` as MessageKey)),
                        ...(c.questions.added.length + c.questions.removed.length + c.questions.changed.length ? [t('diff.questionsChanged')] : []),
                      ].join(', ')}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ) : (
          <Paragraph className="muted">{t('diff.none')}</Paragraph>
        )}
      </section>
      <section aria-labelledby="diff-mappings" className="stack">
        <Heading level={2} data-size="xs" id="diff-mappings">
          {t('diff.mappings')} ({s.mappingsAdded + s.mappingsRemoved + s.mappingsChanged})
        </Heading>
        {s.mappingsAdded + s.mappingsRemoved + s.mappingsChanged ? (
          <div className="table-wrap">
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('diff.measure')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('diff.requirement')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('diff.change')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {[
                  ...diff.mappings.added.map((m) => ({ m, text: t('diff.mappingAdded', { relationship: t(`relationship.${m.relationship}` as MessageKey) }) })),
                  ...diff.mappings.removed.map((m) => ({ m, text: t('diff.mappingRemoved') })),
                  ...diff.mappings.changed.map((m) => ({
                    m,
                    text: t('diff.mappingChanged', { from: t(`relationship.${m.previousRelationship}` as MessageKey), to: t(`relationship.${m.relationship}` as MessageKey) }),
                  })),
                ].map(({ m, text }) => (
                  <Table.Row key={`${m.measureUrn} ${m.node.urn} ${text}`}>
                    <Table.Cell>
                      <Link to={measurePath(m.measureUrn)}>
                        {m.measureCode} {m.measureTitle}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{label(m.node)}</Table.Cell>
                    <Table.Cell>{text}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ) : (
          <Paragraph className="muted">{t('diff.none')}</Paragraph>
        )}
      </section>
    </>
  );
}

function List({ list }: { list: { key: string; content: ReactNode }[] }) {
  return (
    <ul className="library-measures">
      {list.map((item) => (
        <li key={item.key}>{item.content}</li>
      ))}
    </ul>
  );
}
