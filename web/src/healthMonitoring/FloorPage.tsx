import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import {
  correctReading,
  FEVER_THRESHOLD,
  type FloorRoom,
  fetchFloor,
  monitoringKeys,
  recordReading,
  type Slot,
  SYMPTOMS,
} from './api';

/** One room's entry for the chosen slot: temperature, symptoms, save; red when abnormal. */
function RoomRow({
  room,
  slot,
  siteId,
  floor,
}: {
  room: FloorRoom;
  slot: Slot;
  siteId: string;
  floor: number;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canWrite = usePermission('monitoring.write');
  const recorded = room[slot];
  const [temperature, setTemperature] = useState<number | null>(recorded?.temperature ?? null);
  const [symptoms, setSymptoms] = useState<string[]>(recorded ? [...recorded.symptoms] : []);
  const [showSymptoms, setShowSymptoms] = useState(false);
  useEffect(() => {
    setTemperature(recorded?.temperature ?? null);
    setSymptoms(recorded ? [...recorded.symptoms] : []);
  }, [recorded]);
  const save = useMutation({
    mutationFn: () => {
      const body = { temperature: temperature as number, symptoms };
      return recorded
        ? correctReading(recorded.id, { ...body, version: recorded.version })
        : recordReading({ stayId: room.stayId as string, slot, ...body });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: monitoringKeys.floor(siteId, floor) }),
  });
  const abnormal = (temperature !== null && temperature >= FEVER_THRESHOLD) || symptoms.length > 0;
  const changed =
    !recorded ||
    recorded.temperature !== temperature ||
    recorded.symptoms.join() !== [...symptoms].sort().join();
  return (
    <Card
      size="small"
      style={abnormal ? { borderColor: '#ff4d4f', background: '#fff1f0' } : undefined}
      data-testid={`room-row-${room.roomNumber}`}
    >
      <Flex wrap gap={8} align="center">
        <Typography.Text strong style={{ minWidth: 48 }}>
          {room.roomNumber}
        </Typography.Text>
        {room.stayId ? (
          <>
            <Link to={`/isolation/stays/${room.stayId}`}>{room.personName}</Link>
            <InputNumber
              min={35}
              max={42.5}
              step={0.1}
              precision={1}
              inputMode="decimal"
              value={temperature}
              onChange={(value) => setTemperature(value)}
              status={abnormal ? 'error' : undefined}
              placeholder={t('healthMonitoring.floor.temperature')}
              disabled={!canWrite}
              data-testid={`reading-temp-${room.roomNumber}`}
              style={{ width: 110 }}
            />
            <Button size="small" onClick={() => setShowSymptoms((v) => !v)}>
              {t('healthMonitoring.floor.symptoms')}
              {symptoms.length > 0 ? `（${symptoms.length}）` : ''}
            </Button>
            {canWrite ? (
              <Button
                type="primary"
                size="small"
                disabled={temperature === null || !changed}
                loading={save.isPending}
                onClick={() => save.mutate()}
                data-testid={`reading-save-${room.roomNumber}`}
              >
                {t('healthMonitoring.floor.save')}
              </Button>
            ) : null}
            {recorded && !changed ? (
              <Tag color={recorded.abnormal ? 'red' : 'green'}>{t('healthMonitoring.floor.recorded')}</Tag>
            ) : null}
          </>
        ) : (
          <Typography.Text type="secondary">{t('healthMonitoring.floor.empty')}</Typography.Text>
        )}
      </Flex>
      {room.stayId && showSymptoms ? (
        <Checkbox.Group
          style={{ marginTop: 8 }}
          value={symptoms}
          onChange={(values) => setSymptoms((values as string[]).sort())}
          options={SYMPTOMS.map((s) => ({ value: s, label: t(`healthMonitoring.symptom.${s}`) }))}
          disabled={!canWrite}
        />
      ) : null}
      {save.error ? <ProblemAlert error={save.error} /> : null}
    </Card>
  );
}

/**
 * A floor of an isolation site for its staff (ISO-4): one row per room with its occupant masked,
 * today's morning or afternoon temperature and symptoms, saved per row; abnormal shown red.
 */
export default function FloorPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const siteId = params.get('siteId') ?? '';
  const floor = Number(params.get('floor') ?? '1');
  const sheet = useQuery({
    queryKey: monitoringKeys.floor(siteId, floor),
    queryFn: () => fetchFloor(siteId, floor),
    enabled: siteId !== '' && Number.isInteger(floor),
  });
  const [slot, setSlot] = useState<Slot | null>(null);
  const current = sheet.data?.slot ?? 'am';
  const chosen = slot ?? current;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/monitoring">{t('healthMonitoring.floor.back')}</Link>
      <Typography.Title level={3}>
        {sheet.data
          ? t('healthMonitoring.floor.title', { site: sheet.data.siteName, floor })
          : t('healthMonitoring.title')}
      </Typography.Title>
      {sheet.error ? <ProblemAlert error={sheet.error} /> : null}
      {sheet.data ? (
        <Flex wrap gap={12} align="center">
          <Typography.Text>{formatDay(sheet.data.date, language)}</Typography.Text>
          <Radio.Group
            data-testid="reading-slot"
            optionType="button"
            value={chosen}
            onChange={(e) => setSlot(e.target.value as Slot)}
            options={[
              { value: 'am', label: t('healthMonitoring.slot.am') },
              { value: 'pm', label: t('healthMonitoring.slot.pm'), disabled: current === 'am' },
            ]}
          />
          <Select
            value={floor}
            style={{ width: 100 }}
            aria-label={t('healthMonitoring.floor.floorPick')}
            onChange={(value: number) => setParams({ siteId, floor: String(value) })}
            options={sheet.data.floors.map((f) => ({ value: f, label: `${f}` }))}
          />
        </Flex>
      ) : null}
      {(sheet.data?.rooms ?? []).map((room) => (
        <RoomRow
          key={`${room.roomId}-${room.stayId ?? ''}-${chosen}`}
          room={room}
          slot={chosen}
          siteId={siteId}
          floor={floor}
        />
      ))}
    </Space>
  );
}
