import { Link as DsLink, Heading, List, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { Scales } from '../../../modules/dpia/content';
import { useI18n, type MessageKey } from '../../i18n';
import type { DpiaPage } from './api';
import { showValue, StatusTag } from './display';
import { AddMeasureForm, AddRiskForm } from './additions-form';
import { RiskLevelsForm, RemoveAdded } from './risk-editing';
import { RiskMap } from './risk-map';

export function ContextSection({ page }: { page: DpiaPage }) {
  const { t } = useI18n();
  const overview = (page.context.content.overview ?? {}) as Record<string, { value?: unknown; local?: boolean }>;
  return (
    <section className="stack" aria-labelledby="context-heading">
      <Heading level={2} id="context-heading" data-size="sm">
        {t('dpia.context.title')}
      </Heading>
      {Object.entries(overview)
        .filter(([, f]) => f && !f.local && f.value)
        .map(([key, f]) => (
          <Paragraph key={key}>{showValue(f.value)}</Paragraph>
        ))}
      <Paragraph>
        <strong>{t('dpia.context.systems')}:</strong> {page.context.systems.map((s) => s.name).join(', ') || '–'}
      </Paragraph>
    </section>
  );
}

export function PrinciplesSection({ page }: { page: DpiaPage }) {
  const { t } = useI18n();
  return (
    <section className="stack" aria-labelledby="principles-heading">
      <Heading level={2} id="principles-heading" data-size="sm">
        {t('dpia.principles.title')}
      </Heading>
      <div className="table-wrap">
        <Table zebra>
          <Table.Body>
            {page.view.principles.map((p) => (
              <Table.Row key={p.key}>
                <Table.HeaderCell scope="row">{t(`dpia.principle.${p.key}` as MessageKey)}</Table.HeaderCell>
                <Table.Cell>
                  {showValue(p.value)}
                  {p.refs.length ? <Paragraph data-size="sm">{p.refs.join(', ')}</Paragraph> : null}
                  {p.notes.map((n) => (
                    <Paragraph key={n} data-size="sm">
                      {n}
                    </Paragraph>
                  ))}
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={p.assessment === 'improvable' ? 'warning' : 'success'} data-size="sm">
                    {t(p.assessment === 'improvable' ? 'dpia.principles.improvable' : 'dpia.principles.acceptable')}
                  </Tag>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

/** Where a risk or measure comes from, in words (not only by colour). */
function OriginTag({ own, measure = false }: { own: boolean; measure?: boolean }) {
  const { t } = useI18n();
  return (
    <Tag data-color={own ? 'info' : 'neutral'} data-size="sm">
      {own ? t(measure ? 'dpia.edit.ownMeasure' : 'dpia.edit.own') : t('dpia.edit.fromTemplate')}
    </Tag>
  );
}

/**
 * The risks with their levels and the risk maps. On an editable draft each risk's levels can change, and the
 * municipality's own risks can be edited and removed (the template's cannot be removed).
 */
export function RisksSection({ page, scales, canEdit = false }: { page: DpiaPage; scales: Scales | undefined; canEdit?: boolean }) {
  const { t } = useI18n();
  return (
    <section className="stack" aria-labelledby="risks-heading">
      <Heading level={2} id="risks-heading" data-size="sm">
        {t('dpia.risks.title')}
      </Heading>
      {page.view.risks.map((r) => (
        <div key={r.id} className="stack">
          <Heading level={3} data-size="xs">
            {r.id}: {r.title}
          </Heading>
          <div>
            <OriginTag own={r.added} />
          </div>
          <List.Unordered>
            {r.impacts.map((i) => (
              <List.Item key={i}>{i}</List.Item>
            ))}
          </List.Unordered>
          <Paragraph>
            {t('dpia.risks.before')}: {t('dpia.risks.level', { s: r.severity, l: r.likelihood })} ({t(`dpia.level.${r.levelBefore}` as MessageKey)}) · {t('dpia.risks.after')}:{' '}
            {t('dpia.risks.level', { s: r.residualSeverity, l: r.residualLikelihood })} ({t(`dpia.level.${r.levelAfter}` as MessageKey)})
          </Paragraph>
          {r.notes.map((n) => (
            <Paragraph key={n} data-size="sm">
              {n}
            </Paragraph>
          ))}
          {r.missingFacts.length ? <Paragraph data-size="sm">{t('dpia.risks.missingFacts', { facts: r.missingFacts.join(', ') })}</Paragraph> : null}
          {canEdit ? <RiskLevelsForm page={page} risk={r} scales={scales} /> : null}
          {canEdit && r.added ? <OwnRiskTools page={page} riskId={r.id} /> : null}
        </div>
      ))}
      {scales ? (
        <>
          <Heading level={2} data-size="sm">
            {t('dpia.map.title')}
          </Heading>
          <RiskMap id="map-before" title={t('dpia.map.before')} cells={page.view.mapBefore} scales={scales} />
          <RiskMap id="map-after" title={t('dpia.map.after')} cells={page.view.mapAfter} scales={scales} />
        </>
      ) : null}
    </section>
  );
}

function OwnRiskTools({ page, riskId }: { page: DpiaPage; riskId: string }) {
  const risk = page.added.risks.find((x) => x.id === riskId);
  if (!risk) return null;
  return (
    <>
      <AddRiskForm page={page} editing={risk} />
      <RemoveAdded page={page} kind="risks" itemId={risk.id} title={risk.title} />
    </>
  );
}

/** The measures and the action plan; on an editable draft the municipality's own measures can be edited and removed. */
export function MeasuresSection({ page, canEdit = false }: { page: DpiaPage; canEdit?: boolean }) {
  const { t } = useI18n();
  const own = new Map(page.added.measures.map((m) => [m.id, m]));
  const usedBy = (id: string) => page.view.risks.filter((r) => r.existingMeasures.includes(id) || r.plannedMeasures.includes(id)).map((r) => r.id);
  return (
    <section className="stack" aria-labelledby="measures-heading">
      <Heading level={2} id="measures-heading" data-size="sm">
        {t('dpia.measures.title')}
      </Heading>
      <List.Unordered>
        {page.view.measures.map((m) => (
          <List.Item key={m.id}>
            <strong>
              {m.id}: {m.title}
            </strong>{' '}
            – {m.status === 'planned' ? t('dpia.measures.planned', { months: m.due_months ?? 12 }) : t('dpia.measures.existing')} <OriginTag own={own.has(m.id)} measure />
            {canEdit && own.has(m.id) ? (
              <div className="stack">
                {usedBy(m.id).length ? <Paragraph data-size="sm">{t('dpia.edit.usedBy', { risks: usedBy(m.id).join(', ') })}</Paragraph> : null}
                <AddMeasureForm page={page} editing={own.get(m.id)} />
                <RemoveAdded page={page} kind="measures" itemId={m.id} title={m.title} />
              </div>
            ) : null}
          </List.Item>
        ))}
      </List.Unordered>
      {page.actions.length ? (
        <Paragraph>
          {t('dpia.measures.actions', { count: page.actions.length })}{' '}
          <DsLink asChild>
            <Link to="/handlingsplan">{t('dpia.measures.toActions')}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
    </section>
  );
}

export function HistorySection({ page }: { page: DpiaPage }) {
  const { t, formatDate } = useI18n();
  return (
    <section className="stack" aria-labelledby="history-heading">
      <Heading level={2} id="history-heading" data-size="sm">
        {t('dpia.history.title')}
      </Heading>
      <List.Unordered>
        {page.history.map((h) => (
          <List.Item key={h.number}>
            <Link to={`/dpia/${page.dpia.id}?versjon=${h.number}`}>{t('dpia.history.show', { number: h.number })}</Link> <StatusTag status={h.status} /> {formatDate(h.createdAt, true)}
            {h.changeNote ? ` – ${h.changeNote}` : ''}
          </List.Item>
        ))}
      </List.Unordered>
    </section>
  );
}
