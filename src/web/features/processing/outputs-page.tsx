import { Alert, Button, Card, Fieldset, Heading, List, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PrivacyNotice } from '../../../modules/processing/outputs/privacy-notice';
import { query } from '../../api/client';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n';
import { useNotice, useRecord } from './api';

type DocLanguage = 'nb' | 'nn';

/** The record as PDF and Excel for Datatilsynet, and the privacy notice draft for the website. */
export default function OutputsPage() {
  const { t } = useI18n();
  const record = useRecord('');
  return (
    <Page title={t('processing.outputs.title')} lead={t('processing.outputs.lead')}>
      <Paragraph>
        <Link to="/behandlingsprotokoll">{t('processing.backToRecord')}</Link>
      </Paragraph>
      <QueryState query={record}>
        {(data) => {
          const preferred: DocLanguage = data.documentLanguage === 'nn' ? 'nn' : 'nb';
          return (
            <>
              {data.coverage.entries > data.coverage.complete ? (
                <Alert data-color="warning">{t('processing.outputs.incomplete', { count: data.coverage.entries - data.coverage.complete })}</Alert>
              ) : null}
              <RecordDownloads preferred={preferred} />
              <NoticeSection preferred={preferred} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

function LanguageChoice({ id, value, onChange, legend }: { id: string; value: DocLanguage; onChange: (v: DocLanguage) => void; legend: string }) {
  const { t } = useI18n();
  return (
    <Fieldset id={id}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Radio label={t('language.nb')} name={id} value="nb" checked={value === 'nb'} onChange={() => onChange('nb')} />
      <Radio label={t('language.nn')} name={id} value="nn" checked={value === 'nn'} onChange={() => onChange('nn')} />
    </Fieldset>
  );
}

function RecordDownloads({ preferred }: { preferred: DocLanguage }) {
  const { t } = useI18n();
  const [language, setLanguage] = useState<DocLanguage>(preferred);
  return (
    <Card>
      <div className="stack">
        <Heading level={2} data-size="sm">
          {t('processing.outputs.record')}
        </Heading>
        <Paragraph>{t('processing.outputs.recordHelp')}</Paragraph>
        <LanguageChoice id="record-language" value={language} onChange={setLanguage} legend={t('processing.outputs.language')} />
        <div className="row">
          <Button asChild>
            <a href={`/api/processing/outputs/record.pdf${query({ language })}`} download>
              {t('processing.outputs.pdf')}
            </a>
          </Button>
          <Button asChild variant="secondary">
            <a href={`/api/processing/outputs/record.xlsx${query({ language })}`} download>
              {t('processing.outputs.excel')}
            </a>
          </Button>
        </div>
      </div>
    </Card>
  );
}

function NoticeSection({ preferred }: { preferred: DocLanguage }) {
  const { t } = useI18n();
  const [language, setLanguage] = useState<DocLanguage>(preferred);
  const notice = useNotice(language);
  return (
    <Card>
      <div className="stack">
        <Heading level={2} data-size="sm">
          {t('processing.outputs.notice')}
        </Heading>
        <Paragraph>{t('processing.outputs.noticeHelp')}</Paragraph>
        <LanguageChoice id="notice-language" value={language} onChange={setLanguage} legend={t('processing.outputs.language')} />
        <div>
          <Button asChild variant="secondary">
            <a href={`/api/processing/outputs/privacy-notice.html${query({ language })}`} download>
              {t('processing.outputs.noticeDownload')}
            </a>
          </Button>
        </div>
        <QueryState query={notice}>{(data) => <NoticePreview notice={data.notice} />}</QueryState>
      </div>
    </Card>
  );
}

function NoticePreview({ notice }: { notice: PrivacyNotice }) {
  const { t } = useI18n();
  return (
    <>
    <Paragraph data-size="sm" className="muted">
      {t('processing.outputs.preview')}
    </Paragraph>
    <section aria-labelledby="notice-preview-heading" lang={notice.language} className="stack" style={{ borderTop: '1px solid var(--ds-color-neutral-border-subtle)', paddingTop: 'var(--ds-size-4)' }}>
      <Heading level={3} data-size="md" id="notice-preview-heading">
        {notice.title}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {notice.draftNote}
      </Paragraph>
      {notice.sections.map((section, index) => (
        <div key={`${section.heading}-${index}`} className="stack">
          {section.heading ? (
            <Heading level={section.level === 3 ? 5 : 4} data-size="xs">
              {section.heading}
            </Heading>
          ) : null}
          {section.paragraphs.map((p) => (
            <Paragraph key={p}>{p}</Paragraph>
          ))}
          {section.activities?.map((activity) => (
            <div key={activity.name} className="stack">
              <Heading level={6} data-size="2xs">
                {activity.name}
              </Heading>
              <dl className="facts">
                {activity.facts.map((fact) => (
                  <div key={fact.label} style={{ display: 'contents' }}>
                    <dt>{fact.label}</dt>
                    <dd>
                      {fact.items.length > 1 ? (
                        <List.Unordered>
                          {fact.items.map((item) => (
                            <List.Item key={item}>{item}</List.Item>
                          ))}
                        </List.Unordered>
                      ) : (
                        fact.items[0]
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </div>
      ))}
    </section>
    </>
  );
}
