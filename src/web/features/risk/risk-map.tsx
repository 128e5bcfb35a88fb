import { Heading } from '@digdir/designsystemet-react';
import { cellOf, type RiskMatrix } from '../../../modules/risk/matrix-shape';
import type { RiskDto } from '../../../modules/risk/contract';
import { useI18n } from '../../i18n';
import { levelFill } from './level-tag';

/**
 * The risk map (the assessment's own matrix, 3–5 levels each way) as a real table: likelihood in rows (5 at the top), consequence in columns, each cell
 * coloured by its level and naming it in text as well, with the numbers of the risks placed there.
 */
export function RiskMap({ matrix, risks, which }: { matrix: RiskMatrix; risks: RiskDto[]; which: 'before' | 'after' }) {
  const { t } = useI18n();
  const label = which === 'before' ? t('risk.mapBefore') : t('risk.mapAfter');
  const at = (l: number, c: number) =>
    risks.filter((r) => (which === 'before' ? r.likelihood === l && r.consequence === c : r.residualLikelihood === l && r.residualConsequence === c));
  const levelName = (id: string) => matrix.risk_levels.find((l) => l.id === id)?.name ?? id;
  return (
    <div>
      <Heading level={3} data-size="2xs">
        {label}
      </Heading>
      <table className="risk-map" style={{ borderCollapse: 'collapse', fontSize: '0.8rem' }}>
        <caption className="visually-hidden">{t('risk.mapCaption', { which: label.toLowerCase() })}</caption>
        <thead>
          <tr>
            <th scope="col">{`${t('risk.likelihood')} \\ ${t('risk.consequence')}`}</th>
            {matrix.consequence.map((c) => (
              <th key={c.value} scope="col" style={{ padding: '0.25rem', maxWidth: '6rem' }}>
                {c.value} {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...matrix.likelihood].reverse().map(({ value: l, name }) => (
            <tr key={l}>
              <th scope="row" style={{ textAlign: 'left', padding: '0.25rem' }}>
                {l} {name}
              </th>
              {matrix.consequence.map(({ value: c }) => {
                const level = cellOf(matrix, l, c);
                const here = at(l, c);
                return (
                  <td key={c} style={{ background: level ? levelFill[level] : undefined, color: '#1a1a1a', border: '1px solid #ffffff', minWidth: '4.5rem', height: '2.75rem', textAlign: 'center', verticalAlign: 'middle' }}>
                    <strong>{here.map((r) => `R${r.number}`).join(' ')}</strong>
                    {level ? <span className="visually-hidden"> ({levelName(level)})</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
