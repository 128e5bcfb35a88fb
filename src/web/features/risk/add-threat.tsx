import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { ThreatCatalogue } from '../../../modules/risk/content';
import type { AssessmentDetailResponse } from '../../../modules/risk/contract';
import { fieldError, FormErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n';
import { ChoiceField } from '../systems/form-fields';
import { riskRequests, useAssessmentChange } from './api';

/** Adds a threat from the shared catalogue, or the municipality's own. */
export function AddThreat({ detail, catalogue }: { detail: AssessmentDetailResponse; catalogue: ThreatCatalogue }) {
  const { t } = useI18n();
  const id = detail.assessment.id;
  const add = useAssessmentChange(id, riskRequests.addRisk(id));
  const [urn, setUrn] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const taken = new Set([...detail.risks, ...detail.dismissed].map((r) => r.threatUrn));
  const ids = { threatUrn: 'add-threat-urn', title: 'add-threat-title', description: 'add-threat-description' };
  return (
    <section className="stack" aria-labelledby="add-threat">
      <Heading level={2} data-size="sm" id="add-threat">
        {t('risk.addThreat')}
      </Heading>
      <FormErrors error={add.error} fieldIds={ids} />
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (urn) add.mutate({ threatUrn: urn }, { onSuccess: () => setUrn('') });
        }}
      >
        <ChoiceField
          id={ids.threatUrn}
          label={t('risk.fromCatalogue')}
          value={urn}
          onChange={setUrn}
          empty={t('risk.chooseThreat')}
          options={catalogue.threats.filter((th) => !taken.has(th.urn)).map((th) => ({ value: th.urn, label: th.title }))}
          error={fieldError(add.error, 'threatUrn')}
        />
        <Button type="submit" variant="secondary" style={{ alignSelf: 'end' }}>
          {t('risk.add')}
        </Button>
      </form>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ title, description: description || null }, { onSuccess: () => (setTitle(''), setDescription('')) });
        }}
      >
        <Heading level={3} data-size="2xs">
          {t('risk.ownThreat')}
        </Heading>
        <Textfield id={ids.title} label={t('risk.ownThreatTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(add.error, 'title')} />
        <Textfield id={ids.description} label={t('risk.ownThreatDescription')} multiline rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        <div className="row">
          <Button type="submit" variant="secondary">
            {t('risk.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
