import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/problem';
import { formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { AddRoomsModal } from './AddRoomsModal';
import { fetchSite, patchSite, SITE_STATUSES, type SiteDetail, siteKeys } from './api';
import { ReadinessPanel } from './ReadinessPanel';
import { RoomGrid } from './RoomGrid';
import { SiteFormModal } from './SiteFormModal';
import { StaffPanel } from './StaffPanel';

const STATUS_COLOR = { in_use: 'green', standby: 'blue', not_ready: 'orange' } as const;

/** The readiness items a refused status names (ISO-3): its field problems readiness.<item>, in words. */
function missingOf(error: unknown, site: SiteDetail, language: 'zh-CN' | 'en'): string | null {
  if (!isApiError(error)) return null;
  const items = (error.problem.errors ?? [])
    .filter((e) => e.field.startsWith('readiness.'))
    .map((e) => site.readinessItems.find((i) => `readiness.${i.item}` === e.field))
    .filter((i) => i !== undefined);
  if (items.length === 0) return null;
  return items.map((i) => pickText(language, i.label.zh, i.label.en)).join(language === 'en' ? ', ' : '、');
}

function StatusControl({ site }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: { status?: SiteDetail['status']; active?: boolean }) => patchSite(site.id, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: siteKeys.all }),
  });
  const missing = missingOf(mutation.error, site, language);
  return (
    <Flex vertical gap={8}>
      <Space wrap>
        <Select
          style={{ minWidth: 120 }}
          value={site.status}
          onChange={(status) => mutation.mutate({ status })}
          loading={mutation.isPending}
          aria-label={t('isolationSites.detail.status')}
          data-testid="site-status"
          options={SITE_STATUSES.map((s) => ({ value: s, label: t(`isolationSites.status.${s}`) }))}
        />
        <Button
          danger={site.active}
          onClick={() => mutation.mutate({ active: !site.active })}
          data-testid="site-active"
        >
          {site.active ? t('isolationSites.detail.deactivate') : t('isolationSites.detail.restore')}
        </Button>
      </Space>
      {missing ? (
        <Alert
          type="warning"
          showIcon
          message={t('isolationSites.readiness.missing', { items: missing })}
          data-testid="site-status-missing"
        />
      ) : mutation.error ? (
        <ProblemAlert error={mutation.error} />
      ) : null}
    </Flex>
  );
}

/**
 * One isolation site (ISO-1, ISO-3, ISO-4): its status and contract, the five-in-place checklist,
 * the staff ledger and the room grid by floor.
 */
export default function SiteDetailPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const canWrite = usePermission('isolation.site');
  const [addingRooms, setAddingRooms] = useState(false);
  const [editing, setEditing] = useState(false);
  const site = useQuery({ queryKey: siteKeys.one(id), queryFn: () => fetchSite(id) });
  if (site.error)
    return (
      <>
        <Link to="/isolation/sites">{t('isolationSites.detail.back')}</Link>
        <ProblemAlert error={site.error} />
      </>
    );
  const s = site.data;
  if (!s) return null;
  return (
    <Flex vertical gap={16}>
      <Link to="/isolation/sites">{t('isolationSites.detail.back')}</Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {s.name}{' '}
          <Tag color={STATUS_COLOR[s.status]} data-testid="site-status-tag">
            {t(`isolationSites.status.${s.status}`)}
          </Tag>
          {s.active ? null : <Tag>{t('isolationSites.inactive')}</Tag>}
        </Typography.Title>
        {canWrite ? (
          <Flex gap={8} wrap align="flex-start">
            <Button onClick={() => setEditing(true)} data-testid="site-edit">
              {t('isolationSites.detail.edit')}
            </Button>
            <StatusControl site={s} />
          </Flex>
        ) : null}
      </Flex>
      <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" bordered>
        <Descriptions.Item label={t('isolationSites.fields.kind')}>
          {t(`isolationSites.kind.${s.kind}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('isolationSites.fields.purposes')}>
          {s.purposes.map((p) => t(`isolationSites.purpose.${p}`)).join(t('isolationSites.sep'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('isolationSites.fields.jurisdiction')}>
          {s.jurisdictionName ?? s.jurisdictionCode}
        </Descriptions.Item>
        <Descriptions.Item label={t('isolationSites.fields.address')}>{s.address ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('isolationSites.detail.contract')}>
          {[s.contractedOn, s.contractUntil].map((d) => (d ? formatDay(d, language) : '')).join(' — ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('isolationSites.fields.occupants')}>{s.occupants}</Descriptions.Item>
      </Descriptions>
      <Card
        size="small"
        title={t('isolationSites.readiness.titleCount', { inPlace: s.readiness.inPlace, of: s.readiness.of })}
      >
        <ReadinessPanel site={s} />
      </Card>
      <Card size="small" title={t('isolationSites.staff.title')}>
        <StaffPanel site={s} />
      </Card>
      <Card
        size="small"
        title={t('isolationSites.rooms.gridCount', { summary: t('isolationSites.rooms.summary', s.rooms) })}
        extra={
          canWrite ? (
            <Button icon={<PlusOutlined />} onClick={() => setAddingRooms(true)} data-testid="rooms-new">
              {t('isolationSites.rooms.add')}
            </Button>
          ) : null
        }
      >
        <RoomGrid siteId={s.id} />
      </Card>
      <AddRoomsModal siteId={s.id} open={addingRooms} onClose={() => setAddingRooms(false)} />
      <SiteFormModal open={editing} site={s} onClose={() => setEditing(false)} />
    </Flex>
  );
}
