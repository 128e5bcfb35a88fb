import { List, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { FieldViewDto, IssueDto, ServiceAreaDto } from '../../../modules/processing/contract';
import { fieldDef, isNoneList, wp248Criteria, type DpiaValue, type FieldValue } from '../../../modules/processing/fields';
import { useI18n, type Language, type MessageKey } from '../../i18n';
import type { MeasureTitles } from './api';

/** How values, sources and issues read on the processing pages. */

export function areaTitle(areas: readonly ServiceAreaDto[], id: string | null, language: Language): string {
  const area = areas.find((a) => a.id === id);
  if (!area) return id ?? '';
  return language === 'nn' ? area.titleNn : language === 'en' ? area.titleEn : area.title;
}

export function label(key: string, language: Language): string {
  return fieldDef(key)?.label[language] ?? key;
}

export function measureLabel(value: string, measures: MeasureTitles): string {
  const measure = measures[value];
  return measure ? `${measure.code} ${measure.title}`.trim() : value;
}

/** Where a field's value comes from, always visible: national template vX, local, overridden, profile. */
export function SourceTag({ field, templateVersion }: { field: Pick<FieldViewDto, 'source' | 'required' | 'filled'>; templateVersion: number | null }) {
  const { t } = useI18n();
  switch (field.source) {
    case 'template':
      return (
        <Tag data-color="info" data-size="sm">
          {t('processing.source.template', { version: templateVersion ?? '' })}
        </Tag>
      );
    case 'local':
      return (
        <Tag data-color="success" data-size="sm">
          {t('processing.source.local')}
        </Tag>
      );
    case 'override':
      return (
        <Tag data-color="warning" data-size="sm">
          {t('processing.source.override')}
        </Tag>
      );
    case 'organization':
      return (
        <Tag data-color="neutral" data-size="sm">
          {t('processing.source.organization')}
        </Tag>
      );
    default:
      return (
        <Tag data-color={field.required ? 'danger' : 'neutral'} data-size="sm">
          {t(field.required ? 'processing.source.missing' : 'processing.source.empty')}
        </Tag>
      );
  }
}

export function FieldValueView({ fieldKey, value, measures }: { fieldKey: string; value: FieldValue | undefined; measures: MeasureTitles }) {
  const { t, language } = useI18n();
  const def = fieldDef(fieldKey);
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && !value.trim())) {
    return <Paragraph className="muted">{t('processing.notFilled')}</Paragraph>;
  }
  if (typeof value === 'boolean') return <Paragraph>{value ? t('app.yes') : t('app.no')}</Paragraph>;
  if (typeof value === 'number') return <Paragraph>{value}</Paragraph>;
  if (Array.isArray(value)) {
    if (isNoneList(value)) return <Paragraph>{t('app.none')}</Paragraph>;
    return (
      <List.Unordered>
        {value.map((item) => (
          <List.Item key={item}>{fieldKey === 'security_measures' ? measureLabel(item, measures) : item}</List.Item>
        ))}
      </List.Unordered>
    );
  }
  if (typeof value === 'object' && def?.type === 'dpia') {
    const dpia = value as DpiaValue;
    return (
      <div className="stack">
        <Paragraph>{dpia.likely ? t('processing.dpia.likely') : t('processing.dpia.notLikely')}</Paragraph>
        {dpia.criteria.length ? (
          <List.Unordered>
            {dpia.criteria.map((n) => (
              <List.Item key={n}>
                {t('processing.dpia.criterion', { n })} {wp248Criteria[n]?.[language]}
              </List.Item>
            ))}
          </List.Unordered>
        ) : null}
        {dpia.reason ? <Paragraph>{dpia.reason}</Paragraph> : null}
      </div>
    );
  }
  return <Paragraph style={{ whiteSpace: 'pre-line' }}>{String(value)}</Paragraph>;
}

/** A plain-Norwegian line for one issue, translated by its code. */
export function issueText(issue: IssueDto, t: (key: MessageKey, params?: Record<string, string | number>) => string, language: Language): string {
  const params = { field: issue.field ? label(issue.field, language) : '', names: (issue.subjects ?? []).join(', ') };
  return t(`processing.issue.${issue.code}` as MessageKey, params);
}
