import { Checkbox, Fieldset, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { art6Codes, art9Codes, fieldDef, NONE, wp248Criteria, type DpiaValue, type FieldValue } from '../../../modules/processing/fields';
import { useI18n, type MessageKey } from '../../i18n';
import type { MeasureTitles } from './api';
import { label, measureLabel } from './display';

/**
 * One editor per field type, so a municipality and the national team edit a field the same way. Lists are
 * typed one item per line; legal bases and DPIA criteria are chosen, not typed.
 */

export interface EditorProps {
  fieldKey: string;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  id: string;
  error?: string;
  measures: MeasureTitles;
  /** Measures offered as choices (the template's), in addition to those in the value. */
  suggestedMeasures?: string[];
}

const short = new Set(['name', 'responsible_unit', 'contact_person', 'data_subject_count', 'service_area']);

export function FieldEditor(props: EditorProps) {
  const { language } = useI18n();
  const def = fieldDef(props.fieldKey);
  const title = label(props.fieldKey, language);
  if (!def) return null;
  if (props.fieldKey === 'art6_basis' || props.fieldKey === 'art9_basis' || props.fieldKey === 'information_articles') return <CodeChoices {...props} title={title} />;
  if (props.fieldKey === 'security_measures') return <MeasuresEditor {...props} title={title} />;
  switch (def.type) {
    case 'bool':
      return <YesNo {...props} title={title} />;
    case 'dpia':
      return <DpiaEditor {...props} title={title} />;
    case 'int':
      return (
        <Textfield
          id={props.id}
          label={title}
          type="number"
          inputMode="numeric"
          value={typeof props.value === 'number' ? String(props.value) : ''}
          onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}
          error={props.error}
        />
      );
    case 'list':
    case 'links':
      return <ListEditor {...props} title={title} />;
    default:
      return short.has(props.fieldKey) ? (
        <Textfield id={props.id} label={title} value={typeof props.value === 'string' ? props.value : ''} onChange={(e) => props.onChange(e.target.value)} error={props.error} />
      ) : (
        <Textfield id={props.id} label={title} multiline rows={4} value={typeof props.value === 'string' ? props.value : ''} onChange={(e) => props.onChange(e.target.value)} error={props.error} />
      );
  }
}

type Titled = EditorProps & { title: string };

function ListEditor({ id, title, value, onChange, error }: Titled) {
  const { t } = useI18n();
  const [text, setText] = useState(Array.isArray(value) ? value.join('\n') : '');
  return (
    <Textfield
      id={id}
      label={title}
      description={t('processing.edit.onePerLine')}
      multiline
      rows={Math.min(10, Math.max(3, text.split('\n').length + 1))}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.split('\n').map((line) => line.trim()).filter(Boolean));
      }}
      error={error}
    />
  );
}

function CodeChoices({ id, title, fieldKey, value, onChange, error }: Titled) {
  const { t } = useI18n();
  const codes: readonly string[] = fieldKey === 'art6_basis' ? art6Codes : fieldKey === 'art9_basis' ? [...art9Codes, NONE] : ['art. 13', 'art. 14'];
  const chosen = Array.isArray(value) ? value : [];
  const toggle = (code: string, on: boolean) => {
    const next = on ? [...chosen.filter((c) => (code === NONE ? false : c !== NONE)), code] : chosen.filter((c) => c !== code);
    onChange(codes.filter((c) => next.includes(c)));
  };
  return (
    <Fieldset id={id}>
      <Fieldset.Legend>{title}</Fieldset.Legend>
      {codes.map((code) => (
        <Checkbox
          key={code}
          label={code === NONE ? t('processing.edit.noneSpecial') : fieldKey === 'information_articles' ? `GDPR ${code}` : `${code} ${t(`processing.code.${code}` as MessageKey)}`}
          value={code}
          checked={chosen.includes(code)}
          onChange={(e) => toggle(code, e.target.checked)}
        />
      ))}
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}

function MeasuresEditor({ id, title, value, onChange, measures, suggestedMeasures = [] }: Titled) {
  const { t } = useI18n();
  const current = Array.isArray(value) ? value : [];
  const offered = [...new Set([...suggestedMeasures, ...current.filter((m) => m.startsWith('urn:') || suggestedMeasures.includes(m))])];
  const [own, setOwn] = useState(current.filter((m) => !offered.includes(m)).join('\n'));
  const [checked, setChecked] = useState(current.filter((m) => offered.includes(m)));
  const emit = (nextChecked: string[], nextOwn: string) =>
    onChange([...offered.filter((m) => nextChecked.includes(m)), ...nextOwn.split('\n').map((l) => l.trim()).filter(Boolean)]);
  return (
    <Fieldset id={id}>
      <Fieldset.Legend>{title}</Fieldset.Legend>
      {offered.map((m) => (
        <Checkbox
          key={m}
          label={measureLabel(m, measures)}
          value={m}
          checked={checked.includes(m)}
          onChange={(e) => {
            const next = e.target.checked ? [...checked, m] : checked.filter((c) => c !== m);
            setChecked(next);
            emit(next, own);
          }}
        />
      ))}
      <Textfield
        label={t('processing.edit.ownMeasures')}
        description={t('processing.edit.onePerLine')}
        multiline
        rows={3}
        value={own}
        onChange={(e) => {
          setOwn(e.target.value);
          emit(checked, e.target.value);
        }}
      />
    </Fieldset>
  );
}

function YesNo({ id, title, value, onChange }: Titled) {
  const { t } = useI18n();
  return (
    <Fieldset id={id}>
      <Fieldset.Legend>{title}</Fieldset.Legend>
      <Radio label={t('app.yes')} name={`${id}-yesno`} value="yes" checked={value === true} onChange={() => onChange(true)} />
      <Radio label={t('app.no')} name={`${id}-yesno`} value="no" checked={value === false} onChange={() => onChange(false)} />
    </Fieldset>
  );
}

function DpiaEditor({ id, title, value, onChange }: Titled) {
  const { t, language } = useI18n();
  const dpia: DpiaValue = value && typeof value === 'object' && !Array.isArray(value) ? (value as DpiaValue) : { likely: false, criteria: [], reason: null };
  return (
    <Fieldset id={id}>
      <Fieldset.Legend>{title}</Fieldset.Legend>
      <Checkbox label={t('processing.dpia.likelyLabel')} value="likely" checked={dpia.likely} onChange={(e) => onChange({ ...dpia, likely: e.target.checked })} />
      <Fieldset>
        <Fieldset.Legend>{t('processing.dpia.criteria')}</Fieldset.Legend>
        {Object.entries(wp248Criteria).map(([n, text]) => (
          <Checkbox
            key={n}
            label={`${n}. ${text[language]}`}
            value={n}
            checked={dpia.criteria.includes(Number(n))}
            onChange={(e) => onChange({ ...dpia, criteria: e.target.checked ? [...dpia.criteria, Number(n)].sort((a, b) => a - b) : dpia.criteria.filter((c) => c !== Number(n)) })}
          />
        ))}
      </Fieldset>
      <Textfield label={t('processing.dpia.reason')} multiline rows={3} value={dpia.reason ?? ''} onChange={(e) => onChange({ ...dpia, reason: e.target.value || null })} />
    </Fieldset>
  );
}
