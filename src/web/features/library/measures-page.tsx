import { Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { MeasureDto, MeasureListResponse } from '../../../modules/library/contract';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { measurePath, useMeasures } from './api';
import './library.css';

const priorityColor = { high: 'danger', medium: 'warning', low: 'neutral' } as const;

export default function MeasuresPage() {
  const { t } = useI18n();
  const measures = useMeasures();
  return (
    <Page
      title={t('nav.measures')}
      lead={t('measures.lead')}
      actions={
        <>
          <Button asChild variant="secondary" data-size="sm">
            <a href="/api/library/measures/export?format=yaml" download>
              {t('library.downloadYaml')}
            </a>
          </Button>
          <Button asChild variant="secondary" data-size="sm">
            <a href="/api/library/measures/export?format=xlsx" download>
              {t('library.downloadXlsx')}
            </a>
          </Button>
        </>
      }
    >
      <QueryState query={measures}>{(data) => <MeasureList data={data} />}</QueryState>
    </Page>
  );
}

function MeasureList({ data }: { data: MeasureListResponse }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [area, setArea] = useState('');
  const [framework, setFramework] = useState('');
  const [priority, setPriority] = useState('');
  const q = useDeferredValue(text.trim().toLowerCase());
  const frameworks = useMemo(() => {
    const all = new Map<string, string>();
    for (const m of data.measures) for (const f of m.frameworks) all.set(f.urn, f.refId);
    return [...all.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [data.measures]);
  const shown = data.measures.filter(
    (m) =>
      (!area || m.area === area) &&
      (!priority || m.priority === priority) &&
      (!framework || m.frameworks.some((f) => f.urn === framework)) &&
      (!q || `${m.code} ${m.title}`.toLowerCase().includes(q) || m.frameworks.some((f) => f.refs.some((r) => `${f.refId} ${r}`.toLowerCase().includes(q)))),
  );
  const areas = data.areas.filter((a) => shown.some((m) => m.area === a.area));
  return (
    <>
      <div className="row">
        <Textfield label={t('measures.search')} value={text} onChange={(e) => setText(e.target.value)} type="search" />
        <Field>
          <Label htmlFor="measures-area">{t('measures.area')}</Label>
          <Select id="measures-area" value={area} onChange={(e) => setArea(e.target.value)}>
            <option value="">{t('measures.allAreas')}</option>
            {data.areas.map((a) => (
              <option key={a.area} value={a.area}>
                {a.areaTitle} ({a.count})
              </option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="measures-framework">{t('measures.framework')}</Label>
          <Select id="measures-framework" value={framework} onChange={(e) => setFramework(e.target.value)}>
            <option value="">{t('measures.allFrameworks')}</option>
            {frameworks.map(([urn, ref]) => (
              <option key={urn} value={urn}>
                {ref}
              </option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="measures-priority">{t('measures.priority')}</Label>
          <Select id="measures-priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
            <option value="">{t('measures.allPriorities')}</option>
            {(['high', 'medium', 'low'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Paragraph role="status">{shown.length ? t('measures.count', { count: shown.length }) : t('measures.none')}</Paragraph>
      {areas.map((a) => (
        <section key={a.area} aria-labelledby={`area-${a.area}`} className="stack">
          <Heading level={2} data-size="xs" id={`area-${a.area}`}>
            {a.areaTitle}
          </Heading>
          <div className="table-wrap">
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('measures.code')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('measures.title')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('measures.priority')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('measures.effort')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('measures.covers')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {shown
                  .filter((m) => m.area === a.area)
                  .map((m) => (
                    <MeasureRow key={m.urn} measure={m} />
                  ))}
              </Table.Body>
            </Table>
          </div>
        </section>
      ))}
    </>
  );
}

function MeasureRow({ measure: m }: { measure: MeasureDto }) {
  const { t } = useI18n();
  return (
    <Table.Row>
      <Table.Cell className="library-code">{m.code}</Table.Cell>
      <Table.Cell>
        <Link to={measurePath(m.urn)}>{m.title}</Link>
        {m.uncertain ? (
          <>
            {' '}
            <Tag data-color="warning" data-size="sm">
              {t('library.uncertain')}
            </Tag>
          </>
        ) : null}
      </Table.Cell>
      <Table.Cell>
        <Tag data-color={priorityColor[m.priority]} data-size="sm">
          {t(`priority.${m.priority}` as MessageKey)}
        </Tag>
      </Table.Cell>
      <Table.Cell>{t(`effort.${m.effort}` as MessageKey)}</Table.Cell>
      <Table.Cell>
        <span className="library-ref">{m.frameworks.map((f) => `${f.refId} ${f.refs.join(', ')}`).join(' · ')}</span>
      </Table.Cell>
    </Table.Row>
  );
}
