import { Alert, Button, Heading, Link as DsLink, List, Paragraph } from '@digdir/designsystemet-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n, type MessageKey } from '../../i18n';
import { useCatalogue, useDpia, type DpiaPage as DpiaData } from './api';
import { AddMeasureForm, AddRiskForm } from './additions-form';
import { LocalFieldsForm } from './local-fields-form';
import { ContextSection, HistorySection, MeasuresSection, PrinciplesSection, RisksSection } from './sections';
import { WorkflowPanel } from './workflow-panel';

/** One DPIA: local fields first, then the template's parts, the workflow, versions and downloads. */
export default function DpiaPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const dpia = useDpia(id, params.get('versjon'));
  return <QueryState query={dpia}>{(data) => <DpiaView key={`${data.shown.number}-${data.dpia.version}`} page={data} />}</QueryState>;
}

function DpiaView({ page }: { page: DpiaData }) {
  const { t } = useI18n();
  const catalogue = useCatalogue();
  const current = page.shown.number === page.dpia.currentVersion;
  const canEdit = current && page.policies.edit && (page.dpia.status === 'draft' || page.dpia.status === 'approved');
  const base = `/api/dpia/dpias/${page.dpia.id}/document`;
  const versionQuery = current ? '' : `?version=${page.shown.number}`;
  return (
    <Page
      title={page.shown.title}
      lead={t('dpia.page.lead', { entry: page.context.entryName, version: page.shown.number, status: t(`dpia.status.${page.shown.status}` as MessageKey) })}
      actions={
        <Button asChild variant="tertiary">
          <Link to="/dpia">{t('dpia.page.back')}</Link>
        </Button>
      }
    >
      {!current ? (
        <Alert data-color="info">
          <Paragraph>
            {t('dpia.page.oldVersion', { version: page.shown.number, current: page.dpia.currentVersion })} <Link to={`/dpia/${page.dpia.id}`}>{t('dpia.page.showCurrent')}</Link>
          </Paragraph>
        </Alert>
      ) : null}
      {page.openProposalId ? (
        <Alert data-color="info">
          <Paragraph>
            {t('dpia.page.proposal')} <Link to="/dpia/forslag">{t('dpia.page.seeProposals')}</Link>
          </Paragraph>
        </Alert>
      ) : null}
      {page.view.priorConsultation ? <Alert data-color="danger">{t('dpia.page.priorConsultation')}</Alert> : null}
      <LocalFieldsForm page={page} canEdit={canEdit} />
      {current ? <WorkflowPanel page={page} /> : null}
      <section className="stack" aria-labelledby="downloads-heading">
        <Heading level={2} id="downloads-heading" data-size="sm">
          {t('dpia.downloads.title')}
        </Heading>
        <List.Unordered>
          <List.Item>
            <DsLink href={`${base}.pdf${versionQuery}`} download>
              {t('dpia.downloads.pdf')}
            </DsLink>
          </List.Item>
          <List.Item>
            <DsLink href={`${base}.docx${versionQuery}`} download>
              {t('dpia.downloads.docx')}
            </DsLink>
          </List.Item>
        </List.Unordered>
      </section>
      <ContextSection page={page} />
      <PrinciplesSection page={page} />
      <RisksSection page={page} scales={catalogue.data?.scales} canEdit={canEdit} />
      <MeasuresSection page={page} canEdit={canEdit} />
      {canEdit ? (
        <section className="stack" aria-label={t('dpia.add.risk')}>
          <AddRiskForm page={page} />
          <AddMeasureForm page={page} />
        </section>
      ) : null}
      <HistorySection page={page} />
    </Page>
  );
}
