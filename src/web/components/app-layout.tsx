import { Button, Field, Label, Select, SkipLink, Spinner } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useResetSession, type Me } from '../api/session';
import { navItems } from '../features/nav';
import { storedLanguage, useI18n, type Language, type MessageKey } from '../i18n';
import { languages } from '../i18n/define';

/** One layout: header with organisation switcher and language, navigation by module, then the page. */
export function AppLayout({ me }: { me: Me }) {
  const { t, language, setLanguage } = useI18n();
  const navigate = useNavigate();
  const reset = useResetSession();

  // A person who has not chosen a language gets the organisation's (nynorsk municipalities get nynorsk).
  useEffect(() => {
    const preferred = me.user.language ?? (storedLanguage() ? null : me.organization?.documentLanguage);
    if (preferred && preferred !== language) setLanguage(preferred);
  }, [me.user.language, me.organization?.documentLanguage]);

  const switchOrganization = useMutation({
    mutationFn: (organizationId: string) => api.post('/api/session/organization', { organizationId }),
    onSuccess: async () => {
      await reset();
      navigate('/');
    },
  });
  const logout = useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: async () => {
      await reset();
      navigate('/innlogging');
    },
  });
  const changeLanguage = (next: Language) => {
    setLanguage(next);
    void api.patch('/api/me', { language: next }).catch(() => undefined);
  };

  const groups = (['organization', 'national'] as const)
    .map((group) => ({ group, items: navItems.filter((item) => item.group === group && item.visible(me)) }))
    .filter((g) => g.items.length);

  return (
    <div className="app">
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <header className="app-header">
        <Link to="/" className="app-brand">
          <img src="/favicon.svg" alt="" />
          {t('app.name')}
        </Link>
        <div className="app-header-controls">
          {me.memberships.length > 0 ? (
            <Field data-size="sm">
              <Label>{t('app.organization')}</Label>
              <Select
                value={me.organization?.id ?? ''}
                onChange={(event) => switchOrganization.mutate(event.target.value)}
                disabled={switchOrganization.isPending}
              >
                {me.organization ? null : <option value="">—</option>}
                {me.memberships.map((m) => (
                  <option key={m.organizationId} value={m.organizationId}>
                    {m.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Field data-size="sm">
            <Label>{t('app.language')}</Label>
            <Select value={language} onChange={(event) => changeLanguage(event.target.value as Language)}>
              {languages.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}` as MessageKey)}
                </option>
              ))}
            </Select>
          </Field>
          <Button asChild variant="tertiary" data-size="sm">
            <Link to="/profil">{me.user.name}</Link>
          </Button>
          <Button variant="secondary" data-size="sm" onClick={() => logout.mutate()} disabled={logout.isPending}>
            {t('app.logout')}
          </Button>
        </div>
      </header>
      <div className="app-body">
        <nav className="app-nav" aria-label={t('app.mainNavigation')}>
          {groups.map(({ group, items }) => (
            <div key={group}>
              <h2>{t(group === 'organization' ? 'nav.groupOrganization' : 'nav.groupNational')}</h2>
              <ul>
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === '/'}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" className="app-main" tabIndex={-1}>
          <Suspense fallback={<Spinner aria-label={t('app.loading')} />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
