import { hasSpecialCategories, isNoneList, type FieldValue } from '../fields';
import type { LoadedRecord } from '../repository';
import { noticeTexts } from './notice-texts';
import { formatDate, type DocLanguage } from './record-document';

/**
 * A draft privacy notice (personvernerklæring) for the municipality's website, generated from the entries
 * where it is controller: the fixed text in bokmål or nynorsk, the activities grouped by service area.
 * Values from the national templates are in bokmål; the municipality reviews the draft before publishing.
 */

export interface NoticeActivity {
  name: string;
  facts: { label: string; items: string[] }[];
}

export interface NoticeSection {
  heading: string;
  paragraphs: string[];
  /** Activities, for a service-area section. */
  activities?: NoticeActivity[];
  level?: 2 | 3;
}

export interface PrivacyNotice {
  language: DocLanguage;
  title: string;
  sections: NoticeSection[];
  draftNote: string;
}

const list = (value: FieldValue | undefined): string[] =>
  Array.isArray(value) && !isNoneList(value) ? value.map((v) => v.trim()).filter(Boolean) : typeof value === 'string' && value.trim() ? [value.trim()] : [];

export function buildPrivacyNotice(record: LoadedRecord, language: DocLanguage, serviceAreaTitle: (id: string | null) => string, now: Date): PrivacyNotice {
  const t = noticeTexts[language];
  const org = record.organization.name;
  const fill = (text: string, values: Record<string, string> = {}) => text.replace(/\{(\w+)\}/g, (_m, key: string) => values[key] ?? (key === 'org' ? org : `{${key}}`));
  const own = record.entries.filter((e) => e.row.kind !== 'processor');

  const activity = (values: Record<string, FieldValue>, name: string): NoticeActivity => {
    const basis = list(values.art6_basis).map((code) => {
      const plain = t.basis[code];
      return plain ? `${plain} (GDPR art. ${code})` : `GDPR art. ${code}`;
    });
    const national = list(values.art6_national_basis);
    const legal = basis.length ? [`${basis.join('; ')}${national.length ? `, ${t.see} ${national.join('; ')}` : ''}`] : [];
    if (hasSpecialCategories(values.special_categories) && list(values.art9_basis).length) {
      const nationalSpecial = list(values.art9_national_basis);
      legal.push(`${t.specialBasis} GDPR art. ${list(values.art9_basis).join(', ')}${nationalSpecial.length ? `, ${t.see} ${nationalSpecial.join('; ')}` : ''}.`);
    }
    if (values.criminal_offence_data === true && list(values.art10_basis).length) legal.push(`${t.criminalBasis} GDPR art. 10: ${list(values.art10_basis)[0]}`);
    const recipients = list(values.recipients_external);
    const facts = [
      { label: t.purposes, items: list(values.purposes) },
      { label: t.legalBasis, items: legal },
      { label: t.dataSubjects, items: list(values.data_subjects) },
      { label: t.dataCategories, items: list(values.data_categories) },
      { label: t.specialCategories, items: hasSpecialCategories(values.special_categories) ? list(values.special_categories) : [] },
      { label: t.sources, items: list(values.sources) },
      { label: t.recipients, items: recipients.length ? recipients : [t.noRecipients] },
      { label: t.retention, items: list(values.retention_period) },
    ].filter((fact) => fact.items.length);
    return { name, facts };
  };

  const areas = [...new Set(own.map((e) => e.view.serviceArea ?? ''))];
  const areaSections: NoticeSection[] = areas.map((area) => ({
    heading: serviceAreaTitle(area || null),
    paragraphs: [],
    level: 3,
    activities: own.filter((e) => (e.view.serviceArea ?? '') === area).map((e) => activity(e.view.values, e.view.name)),
  }));
  const transferring = own.filter((e) => e.view.values.third_country_transfer === true).map((e) => e.view.name);
  const automated = own.filter((e) => e.view.values.automated_decisions === true || e.view.values.profiling === true).map((e) => e.view.name);
  const dpo = record.organization.dpoContact?.trim();

  return {
    language,
    title: fill(t.title),
    sections: [
      { heading: '', paragraphs: [fill(t.intro)] },
      { heading: t.controllerHeading, paragraphs: [fill(t.controller)] },
      { heading: t.dpoHeading, paragraphs: [dpo ? fill(t.dpo, { dpo }) : t.dpoMissing] },
      { heading: t.activitiesHeading, paragraphs: [t.activitiesIntro] },
      ...areaSections,
      { heading: t.transfersHeading, paragraphs: [transferring.length ? fill(t.transfersSome, { names: transferring.join(', ') }) : t.transfersNone] },
      { heading: t.automationHeading, paragraphs: [automated.length ? fill(t.automationSome, { names: automated.join(', ') }) : t.automationNone] },
      { heading: t.rightsHeading, paragraphs: t.rights },
      { heading: t.complaintHeading, paragraphs: [t.complaint] },
    ],
    draftNote: fill(t.draftNote, { date: formatDate(now, language) }),
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A self-contained HTML page of the notice, for the web editor to paste into the website. */
export function renderNoticeHtml(notice: PrivacyNotice): string {
  const parts: string[] = [`<h1>${escape(notice.title)}</h1>`, `<p><em>${escape(notice.draftNote)}</em></p>`];
  for (const section of notice.sections) {
    if (section.heading) parts.push(`<h${section.level ?? 2}>${escape(section.heading)}</h${section.level ?? 2}>`);
    for (const paragraph of section.paragraphs) parts.push(`<p>${escape(paragraph)}</p>`);
    for (const activity of section.activities ?? []) {
      parts.push(`<h4>${escape(activity.name)}</h4>`, '<dl>');
      for (const fact of activity.facts) {
        parts.push(`<dt>${escape(fact.label)}</dt>`, `<dd>${fact.items.length > 1 ? `<ul>${fact.items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>` : escape(fact.items[0] ?? '')}</dd>`);
      }
      parts.push('</dl>');
    }
  }
  return `<!doctype html>\n<html lang="${notice.language}">\n<head>\n<meta charset="utf-8">\n<title>${escape(notice.title)}</title>\n</head>\n<body>\n${parts.join('\n')}\n</body>\n</html>\n`;
}
