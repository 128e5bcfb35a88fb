import { Heading } from '@digdir/designsystemet-react';
import type { RiskMatrix } from '../../../modules/risk/content';
import type { RiskDto } from '../../../modules/risk/contract';
import { useI18n } from '../../i18n';
import { levelFill } from './level-tag';

/**
 * The 5 × 5 risk map as a real table: likelihood in rows (5 at the top), consequence in columns, each cell
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
          {[5, 4, 3, 2, 1].map((l) => (
            <tr key={l}>
              <th scope="row" style={{ textAlign: 'left', padding: '0.25rem' }}>
                {l} {matrix.likelihood[l - 1]!.name}
              </th>
              {[1, 2, 3, 4, 5].map((c) => {
                const level = matrix.cells[String(l) as '1'][c - 1]!;
                const here = at(l, c);
                return (
                  <td key={c} style={{ background: levelFill[level], color: '#1a1a1a', border: '1px solid #ffffff', minWidth: '4.5rem', height: '2.75rem', textAlign: 'center', verticalAlign: 'middle' }}>
                    <strong>{here.map((r) => `R${r.number}`).join(' ')}</strong>
                    <span className="visually-hidden"> ({levelName(level)})</span>
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
