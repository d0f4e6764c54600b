import { Col, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Campaign, SAMPLE_PURPOSES, type Site } from './api';
import type { TableChoice } from './useTableChoice';

interface TableSetupProps {
  sites: readonly Site[];
  campaigns: readonly Campaign[];
  choice: TableChoice;
  campaignId: string | null;
  onChange: (patch: Partial<TableChoice>) => void;
}

const POOL_SIZES = [1, 5, 10, 20];

/** Site, table, campaign, purpose and pool size: chosen once per shift, remembered on the phone. */
export function TableSetup({ sites, campaigns, choice, campaignId, onChange }: TableSetupProps) {
  const { t } = useTranslation();
  const site = sites.find((s) => s.id === choice.siteId);
  const tables = Array.from({ length: site?.tables ?? 0 }, (_, i) => i + 1);
  return (
    <Row gutter={[8, 8]}>
      <Col xs={16} md={8}>
        <Select
          style={{ width: '100%' }}
          placeholder={t('sampling.site')}
          value={site?.id}
          onChange={(siteId: string) => onChange({ siteId, tableNo: 1, campaignId: undefined })}
          options={sites.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))}
          data-testid="sampling-site"
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Col>
      <Col xs={8} md={4}>
        <Select
          style={{ width: '100%' }}
          placeholder={t('sampling.table')}
          value={site ? choice.tableNo : undefined}
          onChange={(tableNo: number) => onChange({ tableNo })}
          options={tables.map((no) => ({ value: no, label: t('sampling.tableNo', { no }) }))}
          data-testid="sampling-table"
        />
      </Col>
      <Col xs={24} md={12}>
        <Select
          style={{ width: '100%' }}
          value={campaignId ?? ''}
          disabled={choice.purpose === 'resample'}
          onChange={(value: string) => {
            const campaign = campaigns.find((c) => c.id === value);
            onChange({ campaignId: value || null, ...(campaign ? { poolSize: campaign.poolSize } : {}) });
          }}
          options={[
            { value: '', label: t('sampling.noCampaign') },
            ...campaigns.map((c) => ({ value: c.id, label: c.name })),
          ]}
          data-testid="sampling-campaign"
        />
      </Col>
      <Col xs={14} md={8}>
        <Select
          style={{ width: '100%' }}
          value={choice.purpose}
          onChange={(purpose: TableChoice['purpose']) =>
            onChange(purpose === 'resample' ? { purpose, poolSize: 1 } : { purpose })
          }
          options={SAMPLE_PURPOSES.map((p) => ({ value: p, label: t(`sampling.purposes.${p}`) }))}
          data-testid="sampling-purpose"
        />
      </Col>
      <Col xs={10} md={4}>
        <Select
          style={{ width: '100%' }}
          value={choice.purpose === 'resample' ? 1 : choice.poolSize}
          disabled={choice.purpose === 'resample'}
          onChange={(poolSize: number) => onChange({ poolSize })}
          options={POOL_SIZES.map((n) => ({
            value: n,
            label: n === 1 ? t('sampling.individual') : t('sampling.poolLabel', { n }),
          }))}
          data-testid="sampling-pool-size"
        />
      </Col>
    </Row>
  );
}
