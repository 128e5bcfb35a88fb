import { Details, Link as DsLink, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { NodeDto } from '../../../modules/library/contract';
import { useI18n, type MessageKey } from '../../i18n';
import { measurePath, nodeText } from './api';

export interface TreeContext {
  frameworkRef: string;
  sourceUrl: string | null;
  children: Map<string | null, NodeDto[]>;
}

/** A requirement as the reader needs it: plain words first, then the reference, marks, questions and measures. */
export function NodeBody({ node, context, showTitle }: { node: NodeDto; context: TreeContext; showTitle: boolean }) {
  const { t, language } = useI18n();
  const { title, summary } = nodeText(node, language);
  const source = node.sourceUrl ?? context.sourceUrl;
  return (
    <>
      {showTitle ? <p className="library-node-title">{title}</p> : null}
      {summary && summary !== title ? <Paragraph className="library-long">{summary}</Paragraph> : null}
      <div className="library-tags">
        {node.refId ? (
          <span className="library-ref">
            {context.frameworkRef} {node.refId}
          </span>
        ) : null}
        {source ? (
          <DsLink href={source} data-size="sm" target="_blank" rel="noreferrer">
            {t('library.source')}
          </DsLink>
        ) : null}
        {node.granularity === 'principle' ? <Tag data-color="info">{t('library.principle')}</Tag> : null}
        {node.uncertain ? <Tag data-color="warning">{t('library.uncertain')}</Tag> : null}
        {node.outOfScope ? <Tag data-color="neutral">{t('library.outOfScope')}</Tag> : null}
      </div>
      {node.uncertain ? (
        <Paragraph data-size="sm" className="muted">
          {t('library.uncertain')}: {node.uncertain}
        </Paragraph>
      ) : null}
      {node.outOfScope ? (
        <Paragraph data-size="sm" className="muted">
          {t('library.outOfScope')}: {node.outOfScope}
        </Paragraph>
      ) : null}
      {node.questions.length ? (
        <div>
          <Paragraph data-size="sm">{t('library.questions')}:</Paragraph>
          <List.Unordered data-size="sm">
            {node.questions.map((q) => (
              <List.Item key={q.urn}>
                {(language === 'en' ? q.textEn : language === 'nn' ? q.textNn : null) ?? q.text} ({t(`question.${q.type}` as MessageKey)}
                {q.choices.length ? `: ${q.choices.map((c) => c.label).join(' / ')}` : ''})
              </List.Item>
            ))}
          </List.Unordered>
        </div>
      ) : null}
      {node.typicalEvidence ? (
        <Paragraph data-size="sm">
          {t('library.typicalEvidence')}: {node.typicalEvidence}
        </Paragraph>
      ) : null}
      {node.measures.length ? (
        <div>
          <Paragraph data-size="sm">{t('library.mappedMeasures')}:</Paragraph>
          <ul className="library-measures">
            {node.measures.map((m) => (
              <li key={m.urn}>
                <Link to={measurePath(m.urn)}>
                  {m.code} {m.title}
                </Link>{' '}
                <span className="muted">({t(`relationship.${m.relationship}` as MessageKey)})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : node.assessable && !node.outOfScope ? (
        <Paragraph data-size="sm" className="muted">
          {t('library.noMeasures')}
        </Paragraph>
      ) : null}
    </>
  );
}

/** One node and, once opened, the nodes below it. Children render only when first opened: GDPR has 1 090 nodes. */
export function TreeNode({ node, context, defaultOpen }: { node: NodeDto; context: TreeContext; defaultOpen: boolean }) {
  const { t, language } = useI18n();
  const children = context.children.get(node.urn) ?? [];
  const [rendered, setRendered] = useState(defaultOpen);
  if (!children.length) {
    return (
      <li className="library-node">
        <NodeBody node={node} context={context} showTitle />
      </li>
    );
  }
  const { title } = nodeText(node, language);
  return (
    <li>
      <Details defaultOpen={defaultOpen} onToggle={() => setRendered(true)}>
        <Details.Summary>
          {title}
          {node.refId && node.refId !== title ? <span className="library-ref"> · {context.frameworkRef} {node.refId}</span> : null}
          <span className="library-ref"> · {t('library.childCount', { count: children.length })}</span>
        </Details.Summary>
        <Details.Content>{rendered ? <NodeBody node={node} context={context} showTitle={false} /> : null}{rendered ? <Subtree parent={node.urn} context={context} /> : null}</Details.Content>
      </Details>
    </li>
  );
}

export function Subtree({ parent, context, defaultOpen = false }: { parent: string | null; context: TreeContext; defaultOpen?: boolean }): ReactNode {
  const nodes = context.children.get(parent) ?? [];
  return (
    <ul className="library-tree">
      {nodes.map((node) => (
        <TreeNode key={node.urn} node={node} context={context} defaultOpen={defaultOpen} />
      ))}
    </ul>
  );
}
