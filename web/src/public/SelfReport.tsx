import i18n from 'i18next';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SYMPTOMS } from '../../../src/rules/symptoms';
import { selfReport as selfReportEn } from '../healthMonitoring/i18n/en.json';
import { selfReport as selfReportZh } from '../healthMonitoring/i18n/zh-CN.json';
import { Choice, SubmitButton, TextInput } from './controls';
import { Alert, ProblemAlert } from './deferred';
import { LanguageToggle } from './LanguageToggle';
import { fetchSelfReport, type SelfReported, sendSelfReport } from './selfReportApi';
import { DONE, HEADER, PAGE, SECONDARY, SHEET, TITLE } from './sheetStyles';
import { useFetched } from './useFetched';

// The self-report's words come with its page, not with the landing form's first render.
i18n.addResourceBundle(
  'zh-CN',
  'translation',
  { healthMonitoring: { selfReport: selfReportZh } },
  true,
  false,
);
i18n.addResourceBundle('en', 'translation', { healthMonitoring: { selfReport: selfReportEn } }, true, false);

const LABEL = { display: 'block', margin: '16px 0 6px', fontWeight: 500 };
const SYMPTOM = { display: 'flex', alignItems: 'center', gap: 8, padding: '6px 0', fontSize: 16 };

/**
 * The page a home isolation's personal link opens (ISO-5 居家隔离自报): the masked name, today's slot,
 * temperature and symptoms; nothing else about the person. An unknown, expired or revoked link says
 * only that the link is invalid.
 */
export function SelfReport({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const [sent, setSent] = useState<SelfReported | null>(null);
  const view = useFetched(`${token}:${sent?.slot ?? ''}`, () => fetchSelfReport(token));
  const [slot, setSlot] = useState<'am' | 'pm' | null>(null);
  const [temperature, setTemperature] = useState('');
  const [symptoms, setSymptoms] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const current = view.data?.slot ?? 'am';
  const chosen = slot ?? current;
  const zh = i18n.language === 'zh-CN';

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      const value = Number(temperature.replace('，', '.').replace(',', '.'));
      setSent(await sendSelfReport(token, { slot: chosen, temperature: value, symptoms }));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <div style={PAGE}>
      <main style={SHEET} data-testid="self-report-page">
        <div style={HEADER}>
          <div>
            <h3 style={TITLE}>{t('healthMonitoring.selfReport.title')}</h3>
            {view.data ? <div style={SECONDARY}>{view.data.name}</div> : null}
          </div>
          <LanguageToggle />
        </div>
        {view.error ? (
          <Suspense fallback={<p>{t('healthMonitoring.selfReport.invalid')}</p>}>
            <Alert
              type="error"
              showIcon
              title={t('healthMonitoring.selfReport.invalid')}
              data-testid="self-report-invalid"
            />
          </Suspense>
        ) : null}
        {sent ? (
          <div style={DONE} data-testid="self-report-done">
            <div
              style={{ fontSize: 56, color: sent.abnormal ? '#fa8c16' : '#52c41a', lineHeight: 1 }}
              aria-hidden
            >
              {sent.abnormal ? '!' : '✓'}
            </div>
            <h2 style={{ margin: '12px 0 4px', fontSize: 18 }}>{zh ? sent.message.zh : sent.message.en}</h2>
            <div style={SECONDARY}>
              {sent.date} {t(`healthMonitoring.selfReport.slot.${sent.slot}`)}
            </div>
          </div>
        ) : null}
        {view.data && !sent ? (
          view.data.recorded[chosen] &&
          view.data.recorded[current] &&
          (current === 'am' || view.data.recorded.am) ? (
            <p data-testid="self-report-all-done">{t('healthMonitoring.selfReport.allDone')}</p>
          ) : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void submit();
              }}
            >
              <p style={SECONDARY}>{t('healthMonitoring.selfReport.intro')}</p>
              <span style={LABEL}>{view.data.date}</span>
              <Choice
                look="buttons"
                value={chosen}
                onChange={(value) => setSlot(value)}
                aria-label={t('healthMonitoring.selfReport.slotLabel')}
                options={(current === 'am' ? (['am'] as const) : (['am', 'pm'] as const))
                  .filter((s) => !view.data?.recorded[s])
                  .map((value) => ({ value, label: t(`healthMonitoring.selfReport.slot.${value}`) }))}
                data-testid="self-report-slot"
              />
              <label style={LABEL} htmlFor="self-report-temperature">
                {t('healthMonitoring.selfReport.temperature')}
              </label>
              <TextInput
                id="self-report-temperature"
                inputMode="decimal"
                placeholder="36.5"
                value={temperature}
                onChange={(event) => setTemperature(event.target.value)}
                data-testid="self-report-temperature"
              />
              <span style={LABEL}>{t('healthMonitoring.selfReport.symptoms')}</span>
              {SYMPTOMS.map((symptom) => (
                <label key={symptom} style={SYMPTOM}>
                  <input
                    type="checkbox"
                    checked={symptoms.includes(symptom)}
                    onChange={(event) =>
                      setSymptoms((list) =>
                        event.target.checked ? [...list, symptom] : list.filter((s) => s !== symptom),
                      )
                    }
                  />
                  {t(`healthMonitoring.selfReport.symptom.${symptom}`)}
                </label>
              ))}
              {error ? (
                <Suspense fallback={null}>
                  <ProblemAlert error={error} />
                </Suspense>
              ) : null}
              <div style={{ marginTop: 16 }}>
                <SubmitButton loading={pending} data-testid="self-report-submit">
                  {t('healthMonitoring.selfReport.submit')}
                </SubmitButton>
              </div>
            </form>
          )
        ) : null}
      </main>
    </div>
  );
}
