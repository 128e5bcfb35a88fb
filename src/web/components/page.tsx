import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n';

/**
 * One page: its title (also the document title), a short lead, and its primary action. Focus moves to the
 * title when the page opens, so screen-reader users hear where they are after navigating.
 */
export function Page({ title, lead, actions, children }: { title: string; lead?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
    heading.current?.focus();
  }, [title, t]);
  return (
    <>
      <div className="page-header">
        <div>
          <Heading level={1} data-size="lg" ref={heading} tabIndex={-1}>
            {title}
          </Heading>
          {lead ? <Paragraph className="page-lead">{lead}</Paragraph> : null}
        </div>
        {actions ? <div className="row">{actions}</div> : null}
      </div>
      <div className="stack">{children}</div>
    </>
  );
}
