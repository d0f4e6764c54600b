import { Form } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { formatDateTime } from '../common/formatDateTime';
import { useLanguage } from '../i18n/useLanguage';
import { idNumberRule, phoneRule, requiredRule } from '../persons/formRules';
import {
  type CheckedIn,
  type CheckInBody,
  checkIn,
  fetchVenue,
  savedIdentity,
  saveIdentity,
} from './checkInApi';
import { SubmitButton, TextInput } from './controls';
import { Alert, ProblemAlert } from './deferred';
import { LanguageToggle } from './LanguageToggle';
import { DONE, HEADER, PAGE, SECONDARY, SHEET, TITLE } from './sheetStyles';
import { useFetched } from './useFetched';

const TICK = { fontSize: 56, color: '#52c41a', lineHeight: 1 };
const LINK = {
  background: 'none',
  border: 'none',
  color: '#1f4e8c',
  padding: 0,
  cursor: 'pointer',
  fontSize: 14,
};

/**
 * The public page a venue's QR code opens (HC-2 扫码登记): name, ID number and phone once, kept on
 * this device so later scans are one tap; the answer says 登记成功, the venue and the time, nothing
 * else. A forged or unknown code says so and offers no form.
 */
export function VenueCheckIn({ code }: { code: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const venue = useFetched(code, () => fetchVenue(code));
  const [saved, setSaved] = useState<CheckInBody | null>(() => savedIdentity());
  const [editing, setEditing] = useState(saved === null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<CheckedIn | null>(null);
  const [form] = Form.useForm<CheckInBody>();
  const labels = useMemo(
    () => ({
      name: t('publicLanding.checkIn.name'),
      idNumber: t('publicLanding.checkIn.idNumber'),
      phone: t('publicLanding.checkIn.phone'),
    }),
    [t],
  );
  useEffect(() => {
    if (error) applyFieldProblems(form, error, labels, t, language, { labelServerText: true });
  }, [error, form, labels, t, language]);

  const send = async (body: CheckInBody) => {
    setPending(true);
    setError(null);
    try {
      const result = await checkIn(code, body);
      saveIdentity(body);
      setSaved(body);
      setEditing(false);
      setDone(result);
    } catch (failure) {
      setError(failure);
      setEditing(true);
    } finally {
      setPending(false);
    }
  };

  const at = done ? formatDateTime(done.at, language) : '';

  return (
    <div style={PAGE}>
      <main style={SHEET} data-testid="check-in-page">
        <div style={HEADER}>
          <div>
            <h3 style={TITLE}>{venue.data?.name ?? t('publicLanding.checkIn.title')}</h3>
            <div style={SECONDARY}>
              {venue.data ? <span data-testid="check-in-place">{venue.data.place}</span> : null}
            </div>
          </div>
          <LanguageToggle />
        </div>
        {venue.error ? (
          <Suspense fallback={<p>{t('publicLanding.checkIn.unknownCode')}</p>}>
            <Alert
              type="error"
              showIcon
              title={t('publicLanding.checkIn.unknownCode')}
              data-testid="check-in-unknown"
            />
          </Suspense>
        ) : null}
        {!venue.error && done ? (
          <div style={DONE} data-testid="check-in-done">
            <div style={TICK} aria-hidden>
              ✓
            </div>
            <h2 style={{ margin: '12px 0 4px' }}>
              {language === 'zh-CN' ? done.message.zh : done.message.en}
            </h2>
            <div style={{ fontSize: 18 }}>{done.venueName}</div>
            <div style={SECONDARY} data-testid="check-in-time">
              {at}
            </div>
          </div>
        ) : null}
        {!venue.error && !done && saved && !editing ? (
          <>
            <p style={SECONDARY}>{t('publicLanding.checkIn.as', { name: saved.name })}</p>
            {error ? (
              <Suspense fallback={null}>
                <ProblemAlert error={error} />
              </Suspense>
            ) : null}
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void send(saved);
              }}
            >
              <SubmitButton loading={pending} data-testid="check-in-one-tap">
                {t('publicLanding.checkIn.oneTap')}
              </SubmitButton>
            </form>
            <p style={{ marginTop: 12 }}>
              <button
                type="button"
                style={LINK}
                onClick={() => setEditing(true)}
                data-testid="check-in-change"
              >
                {t('publicLanding.checkIn.change')}
              </button>{' '}
              ·{' '}
              <button
                type="button"
                style={LINK}
                onClick={() => {
                  saveIdentity(null);
                  setSaved(null);
                  setEditing(true);
                  form.resetFields();
                }}
                data-testid="check-in-forget"
              >
                {t('publicLanding.checkIn.forget')}
              </button>
            </p>
          </>
        ) : null}
        {!venue.error && !done && editing ? (
          <>
            <p style={SECONDARY}>{t('publicLanding.checkIn.intro')}</p>
            <Form<CheckInBody>
              form={form}
              layout="vertical"
              size="large"
              initialValues={saved ?? {}}
              onFinish={(values) =>
                void send({
                  name: values.name.trim(),
                  idNumber: values.idNumber.trim().toUpperCase(),
                  phone: values.phone.trim(),
                })
              }
              data-testid="check-in-form"
            >
              <Form.Item name="name" label={labels.name} required rules={[requiredRule(t, labels.name)]}>
                <TextInput autoComplete="name" maxLength={40} data-testid="check-in-name" />
              </Form.Item>
              <Form.Item
                name="idNumber"
                label={labels.idNumber}
                required
                rules={[
                  requiredRule(t, labels.idNumber),
                  idNumberRule(t, labels.idNumber, () => 'resident_id'),
                ]}
              >
                <TextInput maxLength={18} autoComplete="off" data-testid="check-in-id-number" />
              </Form.Item>
              <Form.Item
                name="phone"
                label={labels.phone}
                required
                rules={[requiredRule(t, labels.phone), phoneRule(t, labels.phone)]}
              >
                <TextInput
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  maxLength={20}
                  data-testid="check-in-phone"
                />
              </Form.Item>
              {error ? (
                <Suspense fallback={null}>
                  <ProblemAlert error={error} />
                </Suspense>
              ) : null}
              <SubmitButton loading={pending} data-testid="check-in-submit">
                {t('publicLanding.checkIn.submit')}
              </SubmitButton>
              <p style={{ ...SECONDARY, fontSize: 12, marginTop: 12 }}>
                {t('publicLanding.checkIn.privacy')}
              </p>
            </Form>
          </>
        ) : null}
      </main>
    </div>
  );
}
