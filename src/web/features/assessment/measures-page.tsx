import { Field, Label, Paragraph, Search, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { MeasureListResponse } from '../../../modules/assessment/contract';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { measurePath, useMeasures, type MeasureFilters } from './api';
import { assessmentStatusList, MaturityText, StatusTag } from './ui';

const filterKeys = ['framework', 'nsmCategory', 'owner', 'status', 'area', 'q', 'sort'] as const;

export default function MeasuresPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters: MeasureFilters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v));
  const [text, setText] = useState(filters.q ?? '');
  const measures = useMeasures(filters);
  const set = (key: (typeof filterKeys)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((params.get('q') ?? '') !== text.trim()) set('q', text.trim());
    }, 300);
    return () => clearTimeout(timer);
  }, [text]);

  const onlyAssigned = measures.data?.onlyAssigned ?? false;
  return (
    <Page title={t('nav.assessment')} lead={onlyAssigned ? t('assessment.leadAssigned') : t('assessment.lead')}>
      <QueryState query={measures}>
        {(data) => (
          <>
            <StatusCounts data={data} />
            <div className="row filters" role="group" aria-label={t('assessment.search')}>
              <Field>
                <Label htmlFor="measure-search">{t('assessment.search')}</Label>
                <Search>
                  <Search.Input id="measure-search" value={text} onChange={(e) => setText(e.target.value)} aria-label={t('assessment.search')} />
                  <Search.Clear onClick={() => setText('')} />
                </Search>
              </Field>
              <FilterSelect id="filter-framework" label={t('assessment.framework')} value={filters.framework} onChange={(v) => set('framework', v)} all={t('assessment.allFrameworks')}
                options={data.facets.frameworks.map((f) => [f.urn, f.name])} />
              <FilterSelect id="filter-nsm" label={t('assessment.nsmCategory')} value={filters.nsmCategory} onChange={(v) => set('nsmCategory', v)} all={t('assessment.allCategories')}
                options={data.facets.nsmCategories.map((c) => [c.urn, `${c.ref ?? ''} ${c.title ?? ''}`.trim()])} />
              <FilterSelect id="filter-area" label={t('assessment.area')} value={filters.area} onChange={(v) => set('area', v)} all={t('assessment.allAreas')}
                options={data.facets.areas.map((a) => [a.area, a.title])} />
              <FilterSelect id="filter-status" label={t('assessment.status')} value={filters.status} onChange={(v) => set('status', v)} all={t('assessment.allStatuses')}
                options={assessmentStatusList.map((s) => [s, t(`status.${s}` as MessageKey)])} />
              {onlyAssigned ? null : (
                <FilterSelect id="filter-owner" label={t('assessment.owner')} value={filters.owner} onChange={(v) => set('owner', v)} all={t('assessment.allOwners')}
                  options={[['me', t('assessment.ownerMe')], ['none', t('assessment.ownerNone')], ...data.facets.owners.map((p): [string, string] => [p.id, p.name])]} />
              )}
              <FilterSelect id="filter-sort" label={t('assessment.sort')} value={filters.sort ?? 'area'} onChange={(v) => set('sort', v === 'area' ? '' : v)}
                options={[['area', t('assessment.sortArea')], ['priority', t('assessment.sortPriority')]]} />
            </div>
            <Paragraph role="status">{t('assessment.count', { count: data.items.length, total: data.total })}</Paragraph>
            {data.items.length === 0 ? (
              <Paragraph>{onlyAssigned && data.total === 0 ? t('assessment.emptyAssigned') : t('assessment.empty')}</Paragraph>
            ) : (
              <MeasureTable data={data} />
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}

function FilterSelect(props: { id: string; label: string; value: string | undefined; onChange: (value: string) => void; all?: string; options: [string, string][] }) {
  return (
    <Field>
      <Label htmlFor={props.id}>{props.label}</Label>
      <Select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        {props.all ? <option value="">{props.all}</option> : null}
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function StatusCounts({ data }: { data: MeasureListResponse }) {
  const { t } = useI18n();
  return (
    <section aria-label={t('assessment.progress')}>
      <ul className="stat-row">
        {assessmentStatusList.map((status) => (
          <li key={status}>
            <Link to={`?status=${status}`}>
              <StatusTag status={status} /> <span>{data.counts[status]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MeasureTable({ data }: { data: MeasureListResponse }) {
  const { t, formatDate } = useI18n();
  return (
    <div className="table-wrap">
      <Table zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('assessment.code')}</Table.HeaderCell>
            <Table.HeaderCell>{t('assessment.measure')}</Table.HeaderCell>
            <Table.HeaderCell>{t('assessment.priority')}</Table.HeaderCell>
            <Table.HeaderCell>{t('assessment.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('assessment.maturity')}</Table.HeaderCell>
            <Table.HeaderCell>{t('assessment.owner')}</Table.HeaderCell>
            <Table.HeaderCell>{t('assessment.nextReview')}</Table.HeaderCell>
            <Table.HeaderCell>{t('assessment.evidence')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {data.items.map((item) => (
            <Table.Row key={item.urn}>
              <Table.Cell>{item.code}</Table.Cell>
              <Table.Cell>
                <Link to={measurePath(item.urn)}>{item.title}</Link>
                <div className="muted" data-size="sm">
                  {item.areaTitle}
                  {item.closesFully ? ` · ${t('assessment.closes', { count: item.closesFully })}` : ''}
                  {item.references.length ? ` · ${item.references.join(' · ')}` : ''}
                </div>
              </Table.Cell>
              <Table.Cell>
                {t(`assessment.priority.${item.priority}` as MessageKey)}
                <div className="muted">{t(`assessment.effort.${item.effort}` as MessageKey)}</div>
              </Table.Cell>
              <Table.Cell>
                <StatusTag status={item.assessment.status} />
              </Table.Cell>
              <Table.Cell>
                <MaturityText level={item.assessment.maturity} />
              </Table.Cell>
              <Table.Cell>{item.assessment.owner?.name ?? ''}</Table.Cell>
              <Table.Cell>
                {item.assessment.nextReview ? formatDate(item.assessment.nextReview) : ''}
                {item.overdueReview ? (
                  <>
                    {' '}
                    <Tag data-color="danger" data-size="sm">
                      {t('assessment.reviewOverdue')}
                    </Tag>
                  </>
                ) : null}
              </Table.Cell>
              <Table.Cell>{item.evidenceCount || ''}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
