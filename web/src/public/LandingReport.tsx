import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchLandingArea, type ReportBody, type Submitted, submitReport } from './api';
import { Alert } from './deferred';
import { LanguageToggle } from './LanguageToggle';
import { ReportForm } from './ReportForm';
import { useFetched } from './useFetched';

// Shown only after a report is sent: its list, tags and descriptions stay out of the first download.
const loadObligations = () => import('./ObligationsView');
const ObligationsView = lazy(() => loadObligations().then((module) => ({ default: module.ObligationsView })));

const PAGE = {
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  minHeight: '100vh',
  boxSizing: 'border-box',
  padding: 12,
  background: '#f0f2f5',
} as const;
const HEADER = {
  display: 'flex',
  justifyContent: 'space-between',
  alignItems: 'start',
  gap: 8,
  marginBottom: 8,
};
/** A white sheet as antd's Card draws one, without the Card's tabs and menus in the download. */
const SHEET = {
  width: '100%',
  maxWidth: 560,
  boxSizing: 'border-box',
  padding: 20,
  background: '#fff',
  borderRadius: 8,
} as const;
// antd's level-3 title and secondary text, without Typography's tooltips, copying and editing.
const TITLE = { margin: 0, fontSize: 24, lineHeight: 1.35, fontWeight: 600, color: 'rgba(0, 0, 0, 0.88)' };
const SECONDARY = { color: 'rgba(0, 0, 0, 0.45)' };
// The area's line is held open while its name is on the way, so nothing below it moves.
const AREA = { ...SECONDARY, minHeight: 22 };

/** The report being sent, and what came of the last one sent. */
interface Sending {
  pending: boolean;
  error: unknown;
  submitted: Submitted | null;
}
const IDLE: Sending = { pending: false, error: null, submitted: null };

/**
 * The public page a landing code's QR code opens (ARR-11): no sign-in, phone first. The traveller
 * reports and then reads their obligations and receipt. The form shows at once, the area's name
 * when it arrives: a code printed on a poster is almost always known, and on a slow network the
 * area's round trip would hold the form back; an unknown one replaces the form with its notice.
 */
export function LandingReport({ code }: { code: string }) {
  const { t } = useTranslation();
  const area = useFetched(code, () => fetchLandingArea(code));
  const [sending, setSending] = useState<Sending>(IDLE);
  const submit = async (body: ReportBody) => {
    setSending({ pending: true, error: null, submitted: null });
    // Fetched while the report travels, so the obligations show as soon as the reply arrives.
    void loadObligations();
    try {
      setSending({ pending: false, error: null, submitted: await submitReport(code, body) });
    } catch (error) {
      setSending({ pending: false, error, submitted: null });
    }
  };

  return (
    <div style={PAGE}>
      <main style={SHEET} data-testid="landing-page">
        <div style={HEADER}>
          <div>
            <h3 style={TITLE}>{t('publicLanding.title')}</h3>
            <div style={AREA}>
              {area.data ? <span data-testid="landing-area">{area.data.fullName}</span> : null}
            </div>
          </div>
          <LanguageToggle />
        </div>
        {area.error ? (
          <Suspense fallback={<p>{t('publicLanding.unknownCode')}</p>}>
            <Alert
              type="error"
              showIcon
              title={t('publicLanding.unknownCode')}
              data-testid="landing-unknown"
            />
          </Suspense>
        ) : null}
        {!area.error && sending.submitted ? (
          <Suspense fallback={<p style={SECONDARY}>{t('common.loading')}</p>}>
            <ObligationsView submitted={sending.submitted} onAgain={() => setSending(IDLE)} />
          </Suspense>
        ) : null}
        {!area.error && !sending.submitted ? (
          <>
            <p style={SECONDARY}>{t('publicLanding.intro')}</p>
            <ReportForm
              landingCode={code}
              sending={sending.pending}
              error={sending.error}
              onSubmit={(body) => void submit(body)}
            />
          </>
        ) : null}
      </main>
    </div>
  );
}
