import { Alert, Details, Paragraph, Table, Tabs, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { FrameworkViewResponse, NodeDto } from '../../../modules/assessment/contract';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { measurePath, useFrameworkView } from './api';
import { QuestionForm } from './question-form';
import { heatLevel, NodeStatusTag, StatusTag, TotalsMeter } from './ui';

export default function FrameworkPage() {
  const { t } = useI18n();
  const urn = useParams().urn ?? '';
  const view = useFrameworkView(urn);
  return (
    <QueryState query={view}>
      {(data) => (
        <Page
          title={data.framework.name}
          lead={
            <>
              {data.framework.origin === 'import' ? t('framework.imported') : t('framework.content')} · {t('compliance.version', { version: data.framework.version })}
              {data.framework.provider ? ` · ${t('framework.provider', { provider: data.framework.provider })}` : ''}
            </>
          }
          actions={<Link to="/samsvar">{t('framework.back')}</Link>}
        >
          <Paragraph className="big-number">
            {data.totals.percentMet === null ? t('compliance.noneApply') : t('compliance.percentMet', { percent: data.totals.percentMet })}
          </Paragraph>
          <TotalsMeter totals={data.totals} />
          <Tabs defaultValue="requirements">
            <Tabs.List>
              <Tabs.Tab value="requirements">{t('framework.tabRequirements')}</Tabs.Tab>
              <Tabs.Tab value="gaps">
                {t('framework.tabGaps')} ({data.gaps.length})
              </Tabs.Tab>
              <Tabs.Tab value="heat">{t('framework.tabHeat')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="requirements">
              <RequirementTree data={data} />
            </Tabs.Panel>
            <Tabs.Panel value="gaps">
              <Gaps data={data} />
            </Tabs.Panel>
            <Tabs.Panel value="heat">
              <HeatMap data={data} />
            </Tabs.Panel>
          </Tabs>
        </Page>
      )}
    </QueryState>
  );
}

/** Top-level parts as collapsed sections; a part's requirements are rendered only once it is opened. */
function RequirementTree({ data }: { data: FrameworkViewResponse }) {
  const groups: { root: NodeDto; nodes: NodeDto[] }[] = [];
  for (const node of data.nodes) {
    if (!node.parentUrn || !groups.length) groups.push({ root: node, nodes: [] });
    else groups.at(-1)!.nodes.push(node);
  }
  return (
    <div className="stack">
      {groups.map((group) => (
        <TreeGroup key={group.root.urn} group={group} data={data} />
      ))}
    </div>
  );
}

function TreeGroup({ group, data }: { group: { root: NodeDto; nodes: NodeDto[] }; data: FrameworkViewResponse }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const { root } = group;
  return (
    <Details onToggle={(event) => (event.target as HTMLDetailsElement).open && setOpened(true)}>
      <Details.Summary>
        {root.ref ? `${root.ref} ` : ''}
        {root.title ?? root.urn}
        {root.totals ? ` – ${t('compliance.summary', { met: root.totals.met, applicable: root.totals.assessable - root.totals.notRelevant, partial: root.totals.partial, notAssessed: root.totals.notAssessed })}` : ''}
      </Details.Summary>
      <Details.Content>
        {opened ? (
          <ul className="tree">
            {/* The part itself is the summary above; list it only when it is itself a requirement. */}
            {[...(root.counted ? [root] : []), ...group.nodes].filter((n) => n.counted || n.totals).map((node) => (
              <TreeNode key={node.urn} node={node} data={data} />
            ))}
          </ul>
        ) : null}
      </Details.Content>
    </Details>
  );
}

function TreeNode({ node, data }: { node: NodeDto; data: FrameworkViewResponse }) {
  const { t } = useI18n();
  return (
    <li className={`depth-${Math.min(node.depth, 6)}`}>
      <div className="tree-line">
        <span className="tree-ref">{node.ref}</span>
        <span>{node.title}</span>
        {node.counted ? <NodeStatusTag status={node.status} /> : null}
        {node.counted && node.needsReview && node.status !== 'partial' ? (
          <Tag data-color="warning" data-size="sm">
            {t('compliance.needsReview')}
          </Tag>
        ) : null}
        {!node.counted && node.totals ? (
          <span className="muted" data-size="sm">
            {t('compliance.summary', { met: node.totals.met, applicable: node.totals.assessable - node.totals.notRelevant, partial: node.totals.partial, notAssessed: node.totals.notAssessed })}
          </span>
        ) : null}
      </div>
      {node.counted ? (
        <Details>
          <Details.Summary>{t('framework.measures')}</Details.Summary>
          <Details.Content>
            <div className="stack">
              {node.summary ? <Paragraph data-size="sm">{node.summary}</Paragraph> : null}
              {node.uncertain ? <Alert data-color="warning">{t('measure.uncertain', { reason: node.uncertain })}</Alert> : null}
              {node.unmapped ? <Paragraph data-size="sm">{t('framework.unmapped')}</Paragraph> : null}
              {node.measures.length ? (
                <ul>
                  {node.measures.map((m) => {
                    const measure = data.measures[m.urn];
                    return measure ? (
                      <li key={m.urn}>
                        <Link to={measurePath(m.urn)}>
                          {measure.code} {measure.title}
                        </Link>{' '}
                        <span className="muted">– {t(`assessment.relationship.${m.relationship}` as MessageKey)}</span> <StatusTag status={measure.status} />
                      </li>
                    ) : null;
                  })}
                </ul>
              ) : null}
              {node.questions.map((q) => (
                <QuestionForm key={q.urn} question={q} canAnswer={data.policies.answerQuestions} />
              ))}
            </div>
          </Details.Content>
        </Details>
      ) : null}
    </li>
  );
}

function Gaps({ data }: { data: FrameworkViewResponse }) {
  const { t } = useI18n();
  if (!data.gaps.length) return <Paragraph>{t('framework.noGaps')}</Paragraph>;
  return (
    <div className="stack">
      <Paragraph data-size="sm">{t('framework.gapsLead')}</Paragraph>
      <div className="table-wrap">
        <Table zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('framework.tabRequirements')}</Table.HeaderCell>
              <Table.HeaderCell>{t('assessment.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('framework.closeWith')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.gaps.map((gap) => (
              <Table.Row key={gap.nodeUrn}>
                <Table.Cell>
                  <strong>{gap.ref}</strong> {gap.title}
                </Table.Cell>
                <Table.Cell>
                  <NodeStatusTag status={gap.status} />
                </Table.Cell>
                <Table.Cell>
                  <ul>
                    {gap.measures.map((m) => {
                      const measure = data.measures[m.urn];
                      return measure ? (
                        <li key={m.urn}>
                          <Link to={measurePath(m.urn)}>
                            {measure.code} {measure.title}
                          </Link>{' '}
                          <span className="muted">– {t(`assessment.relationship.${m.relationship}` as MessageKey)}</span>
                        </li>
                      ) : null;
                    })}
                  </ul>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}

/** Each top-level part × status, with the share written in every cell and a word for the level. */
function HeatMap({ data }: { data: FrameworkViewResponse }) {
  const { t } = useI18n();
  const share = (n: number, total: number) => (total > 0 ? `${Math.round((100 * n) / total)} %` : '–');
  return (
    <div className="stack">
      <Paragraph data-size="sm">{t('framework.heatLead')}</Paragraph>
      <div className="table-wrap">
        <Table className="heat">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('framework.category')}</Table.HeaderCell>
              <Table.HeaderCell>{t('framework.level')}</Table.HeaderCell>
              <Table.HeaderCell>{t('compliance.met')}</Table.HeaderCell>
              <Table.HeaderCell>{t('compliance.partial')}</Table.HeaderCell>
              <Table.HeaderCell>{t('compliance.notMet')}</Table.HeaderCell>
              <Table.HeaderCell>{t('compliance.notAssessed')}</Table.HeaderCell>
              <Table.HeaderCell>{t('compliance.notRelevant')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.heatMap.map((cell) => {
              const applicable = cell.totals.assessable - cell.totals.notRelevant;
              const level = heatLevel(cell.totals.percentMet, cell.totals.notAssessed < cell.totals.assessable);
              return (
                <Table.Row key={cell.urn}>
                  <Table.HeaderCell scope="row">
                    {cell.ref} {cell.title}
                  </Table.HeaderCell>
                  <Table.Cell className={level.className}>{t(level.key)}</Table.Cell>
                  <Table.Cell>{share(cell.totals.met, applicable)}</Table.Cell>
                  <Table.Cell>{share(cell.totals.partial, applicable)}</Table.Cell>
                  <Table.Cell>{share(cell.totals.notMet, applicable)}</Table.Cell>
                  <Table.Cell>{share(cell.totals.notAssessed, applicable)}</Table.Cell>
                  <Table.Cell>{cell.totals.notRelevant}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}
