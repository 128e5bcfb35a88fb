import { Card, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n, type Language, type MessageKey } from '../../i18n';
import { languages } from '../../i18n/define';

/** The frame around login, MFA and invitation pages. */
export function AuthShell({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
    heading.current?.focus();
  }, [title, t]);
  return (
    <main className="auth-page">
      <Card className="auth-card">
        <div className="stack">
          <div className="row">
            <img src="/favicon.svg" alt="" width={32} height={32} />
            <Paragraph data-size="lg">
              <strong>{t('app.name')}</strong> – {t('app.tagline')}
            </Paragraph>
          </div>
          <Heading level={1} data-size="md" ref={heading} tabIndex={-1}>
            {title}
          </Heading>
          {lead ? <Paragraph>{lead}</Paragraph> : null}
          {children}
          <Field data-size="sm">
            <Label>{t('app.language')}</Label>
            <Select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
              {languages.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}` as MessageKey)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </Card>
    </main>
  );
}
