import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useDpiaList, useScreening } from './api';
import { OutcomeTag, StatusTag } from './display';

/** On a processing entry's page: the latest DPIA screening and the DPIAs of the activity. */
export function DpiaEntrySection({ entryId }: { entryId: string }) {
  const t = useT();
  const screening = useScreening(entryId, '');
  const list = useDpiaList();
  if (screening.isError || list.isError) return null;
  const dpias = list.data?.dpias.filter((d) => d.entryId === entryId) ?? [];
  const latest = screening.data?.screening;
  return (
    <section className="stack" aria-labelledby="entry-dpia-heading">
      <Heading level={2} id="entry-dpia-heading" data-size="sm">
        {t('dpia.entrySection.title')}
      </Heading>
      {latest ? (
        <Paragraph>
          <OutcomeTag outcome={latest.outcome} /> {latest.reasoning}
        </Paragraph>
      ) : (
        <Paragraph>{t('dpia.entrySection.none')}</Paragraph>
      )}
      <Paragraph>
        <DsLink asChild>
          <Link to={`/dpia/screening/${entryId}`}>{t('dpia.entrySection.screen')}</Link>
        </DsLink>
      </Paragraph>
      {dpias.map((d) => (
        <Paragraph key={d.id}>
          <DsLink asChild>
            <Link to={`/dpia/${d.id}`}>{t('dpia.entrySection.open', { title: d.title })}</Link>
          </DsLink>{' '}
          <StatusTag status={d.status} />
        </Paragraph>
      ))}
    </section>
  );
}
