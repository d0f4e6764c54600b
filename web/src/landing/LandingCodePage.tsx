import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useMe } from '../session/useSession';
import { fetchLandingCode, landingKeys } from './api';

/** A landing code belongs to a city (4 digits) or a county (6). */
const isLandingCode = (code: string) => /^\d{4}(\d{2})?$/.test(code);

/** The QR code of the user's county or city (ARR-11), to print and post at arrival points. */
export default function LandingCodePage() {
  const { t } = useTranslation();
  const codes = useMe().scopes.filter(isLandingCode);
  const [code, setCode] = useState(codes[0]);
  const query = useQuery({
    queryKey: landingKeys.code(code ?? ''),
    queryFn: () => fetchLandingCode(code ?? ''),
    enabled: Boolean(code),
  });
  const info = query.data;
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('landing.code.title')}
      </Typography.Title>
      {codes.length === 0 ? <Alert type="info" showIcon title={t('landing.code.none')} /> : null}
      {codes.length > 1 ? (
        <Select
          value={code}
          onChange={setCode}
          options={codes.map((value) => ({ value, label: value }))}
          style={{ minWidth: 200, marginBottom: 16 }}
        />
      ) : null}
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {info?.loopback ? (
        <Alert
          type="warning"
          showIcon
          style={{ maxWidth: 520, marginBottom: 16 }}
          data-testid="landing-loopback"
          title={t('landing.code.loopback.title')}
          description={t('landing.code.loopback.fix', {
            setting: 'FANGKONG_PUBLIC_URL',
            example: 'https://fk.example.gov.cn',
          })}
        />
      ) : null}
      {info ? (
        <Card style={{ maxWidth: 520 }} data-testid="landing-code-card">
          <Flex vertical align="center" gap={12}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="landing-code-name">
              {info.fullName}
            </Typography.Title>
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(info.svg)}`}
              alt={info.url}
              data-url={info.url}
              width={280}
              height={280}
              data-testid="landing-qr"
            />
            <Typography.Text copyable={{ text: info.url }} data-testid="landing-url">
              {info.url}
            </Typography.Text>
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
              {t('landing.code.hint')}
            </Typography.Paragraph>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('landing.code.print')}
            </Button>
          </Flex>
        </Card>
      ) : null}
    </>
  );
}
