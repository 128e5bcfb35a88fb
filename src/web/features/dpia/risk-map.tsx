import { Heading, Table } from '@digdir/designsystemet-react';
import type { Scales } from '../../../modules/dpia/content';
import { useT, type MessageKey } from '../../i18n';

/** A 4×4 risk map: rows likelihood 4 → 1, columns severity 1 → 4, risk ids in their cells. */
export function RiskMap({ id, title, cells, scales }: { id: string; title: string; cells: string[][][]; scales: Scales }) {
  const t = useT();
  return (
    <section aria-labelledby={id} className="stack">
      <Heading level={3} id={id} data-size="xs">
        {title}
      </Heading>
      <div className="table-wrap">
        <Table className="risk-map" border>
          <caption className="visually-hidden">{title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('dpia.map.corner')}</Table.HeaderCell>
              {scales.severity.map((s) => (
                <Table.HeaderCell key={s.value} scope="col">
                  {s.value} {s.name}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {cells.map((row, r) => {
              const likelihood = 4 - r;
              const name = scales.likelihood.find((l) => l.value === likelihood)?.name ?? '';
              return (
                <Table.Row key={likelihood}>
                  <Table.HeaderCell scope="row">
                    {likelihood} {name}
                  </Table.HeaderCell>
                  {row.map((ids, c) => {
                    const level = scales.cells[String(likelihood)]?.[c] ?? 'high';
                    return (
                      <Table.Cell key={c} data-level={level}>
                        <span className="visually-hidden">{t(`dpia.level.${level}` as MessageKey)}: </span>
                        {ids.join(', ')}
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
