import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { meQuery } from './api/session';
import { App } from './app';
import { membersQuery, organizationQuery } from './features/organization/api';
import { I18nProvider } from './i18n';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (count, error) => count < 1 && !(error as { status?: number }).status, refetchOnWindowFocus: false },
  },
});

// Ask for what the first screen needs at once, in parallel, instead of one request after another.
if (!location.pathname.startsWith('/innlogging') && location.pathname !== '/invitasjon') {
  void queryClient.prefetchQuery(meQuery);
  if (location.pathname === '/') {
    void queryClient.prefetchQuery(organizationQuery);
    void queryClient.prefetchQuery(membersQuery);
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
