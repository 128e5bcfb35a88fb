import { Alert, Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MatrixResponse } from '../../../modules/risk/contract';
import { cellOf, type RiskMatrix } from '../../../modules/risk/matrix-shape';
import { FormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { useRiskMatrix, useSaveMatrix } from './api';
import { levelFill } from './level-tag';
import { MatrixForm } from './matrix-form';
import { MatrixHelp } from './matrix-help';

/**
 * The municipality's risk matrix: which one is in force (national or its own), the cells, and the definitions
 * one click away. The administrator and the security lead can customise it or go back to the national one.
 */
export default function MatrixPage() {
  const { t } = useI18n();
  const matrix = useRiskMatrix();
  return (
    <Page title={t('risk.matrix.title')} lead={t('risk.matrix.lead')}>
      <Link to="/risikovurdering">{t('risk.back')}</Link>
      <QueryState query={matrix}>{(data) => <MatrixView data={data} />}</QueryState>
    </Page>
  );
}

function MatrixView({ data }: { data: MatrixResponse }) {
  const { t, formatDate } = useI18n();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const m = data.matrix;
  const canConfigure = data.policies.configureMatrix;
  return (
    <>
      <Card>
        <Paragraph>
          {data.source === 'local'
            ? t('risk.matrix.local', { size: `${m.likelihood.length} × ${m.consequence.length}` })
            : t('risk.matrix.national', { name: m.name, version: m.version })}{' '}
          {data.updatedAt && data.updatedBy ? t('risk.matrix.changed', { date: formatDate(data.updatedAt), name: data.updatedBy }) : null}
        </Paragraph>
        {!canConfigure ? <Paragraph data-size="sm">{t('risk.matrix.onlyAdmins')}</Paragraph> : null}
      </Card>
      {notice ? (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      ) : null}
      {editing ? (
        <MatrixForm
          data={data}
          onDone={(saved) => {
            setEditing(false);
            if (saved) setNotice(t('risk.matrix.saved'));
          }}
        />
      ) : (
        <>
          <section className="stack" aria-labelledby="matrix-in-use">
            <Heading level={2} data-size="sm" id="matrix-in-use">
              {t('risk.matrix.inUse')}
            </Heading>
            <MatrixTable matrix={m} />
            <MatrixHelp matrix={m} />
          </section>
          {canConfigure ? (
            <div className="row">
              <Button
                onClick={() => {
                  setNotice(null);
                  setEditing(true);
                }}
              >
                {t('risk.matrix.customise')}
              </Button>
              {data.source === 'local' ? <BackToNational data={data} onDone={() => setNotice(t('risk.matrix.nationalRestored'))} /> : null}
            </div>
          ) : null}
        </>
      )}
    </>
  );
}

/** Going back asks first: new assessments then get the national matrix (existing ones keep theirs). */
function BackToNational({ data, onDone }: { data: MatrixResponse; onDone: () => void }) {
  const { t } = useI18n();
  const save = useSaveMatrix();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {t('risk.matrix.useNational')}
      </Button>
    );
  }
  return (
    <div className="stack" role="group" aria-label={t('risk.matrix.useNational')}>
      <Paragraph>{t('risk.matrix.useNationalConfirm')}</Paragraph>
      <FormErrors error={save.error} fieldIds={{}} />
      <div className="row">
        <Button variant="secondary" loading={save.isPending} onClick={() => save.mutate({ matrix: null, version: data.version }, { onSuccess: onDone })}>
          {t('risk.matrix.useNationalYes')}
        </Button>
        <Button variant="tertiary" onClick={() => setAsking(false)}>
          {t('risk.matrix.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** The cells as a real table: likelihood in rows (highest at the top), consequence in columns, each level named in text. */
export function MatrixTable({ matrix }: { matrix: RiskMatrix }) {
  const { t } = useI18n();
  const levelName = (id: string) => matrix.risk_levels.find((l) => l.id === id)?.name ?? id;
  return (
    <div className="table-wrap">
      <table className="risk-map" style={{ borderCollapse: 'collapse', fontSize: '0.85rem' }}>
        <caption style={{ textAlign: 'left' }}>{t('risk.matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{`${t('risk.likelihood')} \\ ${t('risk.consequence')}`}</th>
            {matrix.consequence.map((c) => (
              <th key={c.value} scope="col" style={{ padding: '0.25rem', maxWidth: '7rem' }}>
                {c.value} {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...matrix.likelihood].reverse().map((l) => (
            <tr key={l.value}>
              <th scope="row" style={{ textAlign: 'left', padding: '0.25rem' }}>
                {l.value} {l.name}
              </th>
              {matrix.consequence.map((c) => {
                const level = cellOf(matrix, l.value, c.value);
                return (
                  <td key={c.value} style={{ background: level ? levelFill[level] : undefined, color: '#1a1a1a', border: '1px solid #ffffff', padding: '0.5rem', textAlign: 'center' }}>
                    {level ? levelName(level) : '–'}
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
