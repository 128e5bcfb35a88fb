import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { RiskMatrix } from '../../../modules/risk/content';
import { useI18n } from '../../i18n';
import { levelFill } from './level-tag';

/** The matrix's definitions: what each likelihood and consequence level means, and what each risk level asks for. */
export function MatrixHelp({ matrix }: { matrix: RiskMatrix }) {
  const { t } = useI18n();
  return (
    <details>
      <summary>{t('risk.matrixHelp')}</summary>
      <div className="stack">
        <div className="table-wrap">
          <Table data-size="sm">
            <caption>{t('risk.likelihood')}</caption>
            <Table.Body>
              {matrix.likelihood.map((l) => (
                <Table.Row key={l.value}>
                  <Table.HeaderCell scope="row">
                    {l.value} {l.name}
                  </Table.HeaderCell>
                  <Table.Cell>{l.frequency}</Table.Cell>
                  <Table.Cell>{l.description}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        <Paragraph data-size="sm">{t('risk.matrixRule')}</Paragraph>
        <div className="table-wrap">
          <Table data-size="sm">
            <caption>{t('risk.consequence')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell />
                {matrix.consequence_dimensions.map((d) => (
                  <Table.HeaderCell key={d.id}>{d.title}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {matrix.consequence.map((c) => (
                <Table.Row key={c.value}>
                  <Table.HeaderCell scope="row">
                    {c.value} {c.name}
                  </Table.HeaderCell>
                  {matrix.consequence_dimensions.map((d) => (
                    <Table.Cell key={d.id}>{c.by_dimension[d.id]}</Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        <div className="table-wrap">
          <Table data-size="sm">
            <caption>{t('risk.levels')}</caption>
            <Table.Body>
              {matrix.risk_levels.map((l) => (
                <Table.Row key={l.id}>
                  <Table.HeaderCell scope="row" style={{ background: levelFill[l.id], color: '#1a1a1a' }}>
                    {l.name}
                  </Table.HeaderCell>
                  <Table.Cell>{l.acceptance}</Table.Cell>
                  <Table.Cell>{l.response_time}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </div>
    </details>
  );
}
