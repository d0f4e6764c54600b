import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { useMe } from '../session/useSession';
import { bulletinKeys, exportUrl, fetchBulletin } from './api';
import { ConferencePanel } from './ConferencePanel';
import { CareTable, CaseTable } from './FigureTables';
import './bulletin.css';

/**
 * The daily bulletin (疫情通报, CAS-5): a jurisdiction's figures for a day, computed from the records,
 * the day's text written from them, a printable A4 page and the .xlsx; and the press conferences.
 */
export default function BulletinPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const jurisdiction = params.get('jurisdiction') ?? me.scopes[0] ?? '';
  const date = params.get('date') ?? dayjs().format('YYYY-MM-DD');
  const update = (key: 'jurisdiction' | 'date', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const query = useQuery({
    queryKey: bulletinKeys.of(jurisdiction, date),
    queryFn: () => fetchBulletin(jurisdiction, date),
    enabled: jurisdiction !== '',
    placeholderData: keepPreviousData,
  });
  const bulletin = query.data;
  return (
    <Flex vertical gap={16} data-testid="bulletin-page">
      <Flex className="bulletin-no-print" justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {t('bulletin.title')}
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <div style={{ minWidth: 200 }}>
            <JurisdictionTreeSelect<string>
              value={jurisdiction}
              onChange={(code) => update('jurisdiction', code || undefined)}
              placeholder={t('bulletin.jurisdiction')}
              data-testid="bulletin-jurisdiction"
            />
          </div>
          <DatePicker
            value={dayjs(date)}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(value) => update('date', value?.format('YYYY-MM-DD'))}
            data-testid="bulletin-date"
          />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="bulletin-print">
            {t('bulletin.print')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={exportUrl(jurisdiction, date)}
            data-testid="bulletin-xlsx"
          >
            {t('bulletin.export')}
          </Button>
        </Flex>
      </Flex>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {!bulletin ? (
        query.isLoading ? (
          <Skeleton active />
        ) : null
      ) : (
        <>
          <Flex vertical gap={12} className="bulletin-sheet" data-testid="bulletin-sheet">
            <Typography.Title level={2} style={{ marginBottom: 0 }}>
              {t('bulletin.heading', { place: bulletin.jurisdictionName })}
            </Typography.Title>
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">{formatDay(bulletin.day.date, language)}</Typography.Text>
              <Tag>{t('bulletin.fromRecords')}</Tag>
            </Flex>
            <Typography.Paragraph className="bulletin-text" data-testid="bulletin-text">
              {pickText(language, bulletin.text.zh, bulletin.text.en)}
            </Typography.Paragraph>
            <Typography.Title level={5}>{t('bulletin.casesTable')}</Typography.Title>
            <CaseTable day={bulletin.day} previous={bulletin.previous} />
            <Typography.Title level={5}>{t('bulletin.careTable')}</Typography.Title>
            <CareTable day={bulletin.day} previous={bulletin.previous} />
            <Typography.Text type="secondary">{t('bulletin.reading')}</Typography.Text>
          </Flex>
          <ConferencePanel jurisdiction={bulletin.jurisdictionCode} items={bulletin.conferences} />
        </>
      )}
    </Flex>
  );
}
