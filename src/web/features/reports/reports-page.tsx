import { Alert, Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMe } from '../../api/session';
import { Page } from '../../components/page';
import { useI18n, type MessageKey } from '../../i18n';

export default function ReportsPage() {
  const { t } = useI18n();
  const me = useMe();
  const language = me.data?.organization?.documentLanguage ?? 'nb';
  return (
    <Page title={t('nav.reports')} lead={t('reports.lead', { language: t(`language.${language}` as MessageKey) })}>
      <Alert data-color="info">{t('reports.confidential')}</Alert>
      <div className="grid-cards">
        <Card>
          <Heading level={2} data-size="sm">
            {t('reports.statusTitle')}
          </Heading>
          <Paragraph>{t('reports.statusText')}</Paragraph>
          <div>
            <Button asChild>
              <a href="/api/reports/status.pdf" download>
                {t('reports.downloadPdf')}
              </a>
            </Button>
          </div>
        </Card>
        <Card>
          <Heading level={2} data-size="sm">
            {t('reports.excelTitle')}
          </Heading>
          <Paragraph>{t('reports.excelText')}</Paragraph>
          <div>
            <Button asChild variant="secondary">
              <a href="/api/reports/assessment.xlsx" download>
                {t('reports.downloadExcel')}
              </a>
            </Button>
          </div>
        </Card>
      </div>
    </Page>
  );
}
