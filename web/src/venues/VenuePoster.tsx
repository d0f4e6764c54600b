import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Segmented, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { getVenue, getVenueCode, venueKeys } from './api';
import './poster.css';

/** A venue's printable poster (HC-2): the signed QR code, the venue's name and 扫码登记 instructions, A6 or A4. */
export default function VenuePoster() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [size, setSize] = useState<'a4' | 'a6'>('a4');
  const venue = useQuery({ queryKey: venueKeys.one(id), queryFn: () => getVenue(id) });
  const code = useQuery({ queryKey: venueKeys.code(id), queryFn: () => getVenueCode(id) });
  const error = venue.error ?? code.error;
  if (error) return <ProblemAlert error={error} />;
  if (!venue.data || !code.data) return <Spin />;
  return (
    <>
      <Space className="poster-controls" wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={size}
          onChange={(value) => setSize(value as 'a4' | 'a6')}
          options={[
            { value: 'a4', label: 'A4' },
            { value: 'a6', label: 'A6' },
          ]}
          data-testid="venue-poster-size"
        />
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="venue-poster-print"
        >
          {t('venues.poster.print')}
        </Button>
      </Space>
      <div className={`venue-poster venue-poster-${size}`} data-testid="venue-poster">
        <div className="venue-poster-heading">{t('venues.poster.heading')}</div>
        <div className="venue-poster-name">{venue.data.name}</div>
        <div className="venue-poster-qr">
          {/* The server renders the QR code (qrcode library) from the signed URL. */}
          <img
            alt={t('venues.poster.qrAlt')}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.data.qrSvg)}`}
            data-testid="venue-poster-qr"
          />
        </div>
        <ol className="venue-poster-steps">
          <li>{t('venues.poster.step1')}</li>
          <li>{t('venues.poster.step2')}</li>
          <li>{t('venues.poster.step3')}</li>
        </ol>
        <div className="venue-poster-foot">
          {venue.data.jurisdictionName ?? venue.data.jurisdictionCode} · {t('venues.poster.signed')}
        </div>
      </div>
    </>
  );
}
