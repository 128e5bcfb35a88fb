import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Table, Tabs, Tag } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ActionDto, ActionListResponse } from '../../../modules/actions/contract';
import type { ActionStatus } from '../../../modules/assessment/schema';
import { useMe } from '../../api/session';
import { FormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import '../assessment/assessment.css';
import { actionSourceList, actionStatusList, useActions, useGenerate, useUpdateAction, type ActionFilters } from './api';
import { NewActionDialog } from './new-action-dialog';

const filterKeys = ['status', 'owner', 'source', 'overdue', 'sort'] as const;
const statusColor: Record<ActionStatus, 'info' | 'warning' | 'success' | 'neutral'> = { open: 'info', in_progress: 'warning', done: 'success', cancelled: 'neutral' };

/** Where a card can move on the board (buttons, so the board works from the keyboard and a screen reader). */
const moves: Record<ActionStatus, ActionStatus[]> = { open: ['in_progress', 'cancelled'], in_progress: ['open', 'done'], done: ['in_progress'], cancelled: ['open'] };

export function ActionStatusTag({ status }: { status: ActionStatus }) {
  const { t } = useI18n();
  return (
    <Tag data-color={statusColor[status]} data-size="sm">
      {t(`actionStatus.${status}` as MessageKey)}
    </Tag>
  );
}

export function OverdueTag() {
  const { t } = useI18n();
  return (
    <Tag data-color="danger" data-size="sm">
      {t('actions.overdue')}
    </Tag>
  );
}

export default function ActionPlanPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters: ActionFilters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v));
  const actions = useActions(filters);
  const generate = useGenerate();
  const set = (key: (typeof filterKeys)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const data = actions.data;
  return (
    <Page
      title={t('nav.actions')}
      lead={data?.onlyAssigned ? t('actions.leadAssigned') : t('actions.lead')}
      actions={
        data?.policies.edit ? (
          <>
            <Button variant="secondary" onClick={() => generate.mutate()} disabled={generate.isPending}>
              {t('actions.generate')}
            </Button>
            <NewActionDialog people={data.people} />
          </>
        ) : null
      }
    >
      <FormErrors error={generate.error} fieldIds={{}} />
      {generate.data ? <Alert data-color="success">{t('actions.generated', { created: generate.data.created, gaps: generate.data.gaps, skipped: generate.data.skipped })}</Alert> : null}
      <QueryState query={actions}>
        {(list) => (
          <>
            <Paragraph role="status">
              {t('actions.count', { count: list.items.length })}
              {list.overdue ? ` · ${t('actions.overdueCount', { count: list.overdue })}` : ''}
            </Paragraph>
            <Tabs defaultValue="list">
              <Tabs.List>
                <Tabs.Tab value="list">{t('actions.list')}</Tabs.Tab>
                <Tabs.Tab value="board">{t('actions.board')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="list">
                <div className="stack">
                  <Filters list={list} filters={filters} set={set} />
                  {list.items.length === 0 ? <Paragraph>{Object.keys(filters).length ? t('actions.emptyFiltered') : t('actions.empty')}</Paragraph> : <ActionTable items={list.items} />}
                </div>
              </Tabs.Panel>
              <Tabs.Panel value="board">
                <Board list={list} />
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </QueryState>
    </Page>
  );
}

function Filters({ list, filters, set }: { list: ActionListResponse; filters: ActionFilters; set: (key: (typeof filterKeys)[number], value: string) => void }) {
  const { t } = useI18n();
  const select = (id: string, key: (typeof filterKeys)[number], label: string, options: [string, string][], all?: string) => (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={filters[key] ?? ''} onChange={(e) => set(key, e.target.value)}>
        {all ? <option value="">{all}</option> : null}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <div className="row filters">
      {select('actions-status', 'status', t('actions.status'), actionStatusList.map((s) => [s, t(`actionStatus.${s}` as MessageKey)]), t('actions.allStatuses'))}
      {list.onlyAssigned
        ? null
        : select('actions-owner', 'owner', t('actions.owner'), [['me', t('actions.ownerMe')], ['none', t('actions.ownerNone')], ...list.people.map((p): [string, string] => [p.id, p.name])], t('actions.allOwners'))}
      {select('actions-source', 'source', t('actions.source'), actionSourceList.map((s) => [s, t(`actionSource.${s}` as MessageKey)]), t('actions.allSources'))}
      {select('actions-sort', 'sort', t('actions.sort'), [
        ['priority', t('actions.sortPriority')],
        ['due', t('actions.sortDue')],
        ['status', t('actions.sortStatus')],
        ['title', t('actions.sortTitle')],
      ])}
      <Checkbox label={t('actions.overdueOnly')} checked={filters.overdue === 'true'} onChange={(e) => set('overdue', e.target.checked ? 'true' : '')} value="true" />
    </div>
  );
}

const quickWin = (a: ActionDto) => a.effort === 'low' && a.priority >= 300;

function ActionTable({ items }: { items: ActionDto[] }) {
  const { t, formatDate } = useI18n();
  return (
    <div className="table-wrap">
      <Table zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('actions.titleField')}</Table.HeaderCell>
            <Table.HeaderCell>{t('actions.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('actions.priority')}</Table.HeaderCell>
            <Table.HeaderCell>{t('actions.owner')}</Table.HeaderCell>
            <Table.HeaderCell>{t('actions.due')}</Table.HeaderCell>
            <Table.HeaderCell>{t('actions.source')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((a) => (
            <Table.Row key={a.id} className={a.overdue ? 'overdue' : undefined}>
              <Table.Cell>
                <Link to={`/handlingsplan/${a.id}`}>{a.title}</Link>
                {a.measure ? <div className="muted">{a.measure.code}</div> : null}
              </Table.Cell>
              <Table.Cell>
                <ActionStatusTag status={a.status} />
              </Table.Cell>
              <Table.Cell>
                {a.priority}
                {a.effort ? <div className="muted">{t(`assessment.effort.${a.effort}` as MessageKey)}</div> : null}
                {quickWin(a) ? (
                  <Tag data-color="success" data-size="sm">
                    {t('actions.quickWin')}
                  </Tag>
                ) : null}
              </Table.Cell>
              <Table.Cell>{a.owner?.name ?? t('actions.noOwner')}</Table.Cell>
              <Table.Cell>
                {a.dueDate ? formatDate(a.dueDate) : t('actions.noDue')} {a.overdue ? <OverdueTag /> : null}
              </Table.Cell>
              <Table.Cell>{t(`actionSource.${a.sourceType}` as MessageKey)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function Board({ list }: { list: ActionListResponse }) {
  const { t, formatDate } = useI18n();
  const update = useUpdateAction();
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const me = useMe();
  const canMove = (a: ActionDto) => list.policies.edit || (list.policies.updateAssigned && a.owner?.id === me.data?.user.id);
  // After a move the card is in another column: give it the focus, so keyboard users do not lose their place.
  useEffect(() => {
    if (focusId) document.getElementById(`card-${focusId}`)?.focus();
  }, [focusId, list]);
  const move = (a: ActionDto, status: ActionStatus) =>
    update.mutate(
      { id: a.id, version: a.version, status },
      {
        onSuccess: () => {
          setAnnouncement(t('actions.moved', { title: a.title, status: t(`actionStatus.${status}` as MessageKey) }));
          setFocusId(a.id);
        },
      },
    );
  return (
    <div className="stack">
      <FormErrors error={update.error} fieldIds={{}} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="board">
        {actionStatusList.map((status) => {
          const cards = list.items.filter((a) => a.status === status);
          return (
            <section key={status} className="board-column" aria-labelledby={`column-${status}`}>
              <Heading level={2} data-size="2xs" id={`column-${status}`}>
                {t(`actionStatus.${status}` as MessageKey)} ({cards.length})
              </Heading>
              {cards.length === 0 ? <Paragraph data-size="sm">{t('actions.emptyColumn')}</Paragraph> : null}
              <ul>
                {cards.map((a) => (
                  <li key={a.id} id={`card-${a.id}`} tabIndex={-1} className={`board-card${a.overdue ? ' overdue' : ''}`}>
                    <Link to={`/handlingsplan/${a.id}`}>{a.title}</Link>
                    <span className="muted" data-size="sm">
                      {a.owner?.name ?? t('actions.noOwner')} · {a.dueDate ? formatDate(a.dueDate) : t('actions.noDue')}
                    </span>
                    {a.overdue ? <OverdueTag /> : null}
                    {canMove(a) ? (
                      <div className="row">
                        {moves[a.status].map((to) => (
                          <Button
                            key={to}
                            variant="tertiary"
                            data-size="sm"
                            disabled={update.isPending}
                            onClick={() => move(a, to)}
                            aria-label={t('actions.moveLabel', { title: a.title, status: t(`actionStatus.${to}` as MessageKey) })}
                          >
                            {t('actions.moveTo', { status: t(`actionStatus.${to}` as MessageKey) })}
                          </Button>
                        ))}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
