import { Button, Checkbox, Field, Fieldset, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import type { ProcessorLink } from '../../../modules/processing/contract';
import { useI18n } from '../../i18n';

/** Systems from the organisation's system inventory and processors from the national vendor registry. */

export function SystemsEditor(props: {
  id: string;
  options: { id: string; name: string }[];
  selected: string[];
  none: boolean;
  onChange: (selected: string[], none: boolean) => void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <Fieldset id={props.id}>
      <Fieldset.Legend>{t('processing.links.systems')}</Fieldset.Legend>
      <Fieldset.Description>{t('processing.links.systemsHelp')}</Fieldset.Description>
      {props.options.length === 0 ? <Paragraph className="muted">{t('processing.links.noSystems')}</Paragraph> : null}
      {props.options.map((system) => (
        <Checkbox
          key={system.id}
          label={system.name}
          value={system.id}
          checked={props.selected.includes(system.id)}
          onChange={(e) => props.onChange(e.target.checked ? [...props.selected, system.id] : props.selected.filter((s) => s !== system.id), false)}
        />
      ))}
      <Checkbox
        label={t('processing.links.systemsNone')}
        value="none"
        checked={props.none && props.selected.length === 0}
        onChange={(e) => props.onChange(e.target.checked ? [] : props.selected, e.target.checked)}
        error={props.error}
      />
    </Fieldset>
  );
}

export function ProcessorsEditor(props: {
  id: string;
  vendors: { id: string; name: string }[];
  links: ProcessorLink[];
  none: boolean;
  onChange: (links: ProcessorLink[], none: boolean) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const update = (index: number, change: Partial<ProcessorLink>) => props.onChange(props.links.map((l, i) => (i === index ? { ...l, ...change } : l)), false);
  const unused = props.vendors.filter((v) => !props.links.some((l) => l.vendorId === v.id));
  return (
    <Fieldset id={props.id}>
      <Fieldset.Legend>{t('processing.links.processors')}</Fieldset.Legend>
      <Fieldset.Description>{t('processing.links.processorsHelp')}</Fieldset.Description>
      {props.links.map((link, index) => {
        const vendor = props.vendors.find((v) => v.id === link.vendorId);
        return (
          <div key={link.vendorId} className="row">
            <Field>
              <Label htmlFor={`${props.id}-vendor-${index}`}>{t('processing.links.vendor')}</Label>
              <Select id={`${props.id}-vendor-${index}`} value={link.vendorId} onChange={(e) => update(index, { vendorId: e.target.value })}>
                {[...(vendor ? [vendor] : []), ...unused].map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Checkbox
              label={t('processing.links.dpa', { name: vendor?.name ?? '' })}
              value="dpa"
              checked={link.dpaInPlace}
              onChange={(e) => update(index, { dpaInPlace: e.target.checked, dpaDate: e.target.checked ? link.dpaDate : null })}
            />
            {link.dpaInPlace ? (
              <Textfield
                label={t('processing.links.dpaDate', { name: vendor?.name ?? '' })}
                type="date"
                value={link.dpaDate ?? ''}
                onChange={(e) => update(index, { dpaDate: e.target.value || null })}
              />
            ) : null}
            <Button variant="tertiary" data-size="sm" onClick={() => props.onChange(props.links.filter((_, i) => i !== index), false)}>
              {t('processing.links.remove', { name: vendor?.name ?? '' })}
            </Button>
          </div>
        );
      })}
      {unused.length ? (
        <div>
          <Button variant="secondary" data-size="sm" onClick={() => props.onChange([...props.links, { vendorId: unused[0]!.id, dpaInPlace: false, dpaDate: null }], false)}>
            {t('processing.links.addProcessor')}
          </Button>
        </div>
      ) : (
        props.vendors.length === 0 ? <Paragraph className="muted">{t('processing.links.noVendors')}</Paragraph> : null
      )}
      <Checkbox
        label={t('processing.links.processorsNone')}
        value="none"
        checked={props.none && props.links.length === 0}
        onChange={(e) => props.onChange(e.target.checked ? [] : props.links, e.target.checked)}
        error={props.error}
      />
    </Fieldset>
  );
}
