import { ConfigProvider } from 'antd';
import i18n from 'i18next';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LandingReport } from './LandingReport';
import { VenueCheckIn } from './VenueCheckIn';

const THEME = { token: { colorPrimary: '#1f4e8c' } };
// English first, so that the truck form's English joins it rather than stands in for it.
const TruckReport = lazy(() => i18n.loadLanguages('en').then(() => import('./TruckReport')));
// A self-report link is opened by a few people at home, the landing form by every arrival: it stays
// out of the landing form's first render (webDelivery.test.ts holds that to 150 KB).
const SelfReport = lazy(() => import('./SelfReport').then((m) => ({ default: m.SelfReport })));

/** The public form a path names; the server sends public.html for exactly these paths. */
function Page({ pathname }: { pathname: string }) {
  const { t } = useTranslation();
  const landing = /^\/landing\/([^/]+)\/?$/.exec(pathname);
  if (landing) return <LandingReport code={decodeURIComponent(landing[1]!)} />;
  const venue = /^\/check-in\/([^/]+)\/?$/.exec(pathname);
  if (venue) return <VenueCheckIn code={decodeURIComponent(venue[1]!)} />;
  const selfReport = /^\/self-report\/([^/]+)\/?$/.exec(pathname);
  if (selfReport)
    return (
      <Suspense fallback={<p style={{ padding: 24 }}>{t('common.loading')}</p>}>
        <SelfReport token={decodeURIComponent(selfReport[1]!)} />
      </Suspense>
    );
  if (/^\/truck-report\/?$/.test(pathname))
    return (
      <Suspense fallback={<p style={{ padding: 24 }}>{t('common.loading')}</p>}>
        <TruckReport />
      </Suspense>
    );
  return <p style={{ padding: 24 }}>{t('common.notFound')}</p>;
}

/**
 * The public forms' app: antd in the platform's colours and the form the path names, nothing of
 * staff's. antd's own texts come with the pickers that show them (Localized.tsx).
 */
export function PublicApp() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);
  return (
    <ConfigProvider theme={THEME}>
      <Page pathname={window.location.pathname} />
    </ConfigProvider>
  );
}
