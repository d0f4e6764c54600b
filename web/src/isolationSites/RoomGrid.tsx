import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Input, Popover, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { fetchRooms, markCleaned, ROOM_STATES, type Room, setService, siteKeys } from './api';

/** Cell colours by state: ready green, occupied blue, cleaning amber, out of service grey. */
const COLOURS: Record<Room['state'], { background: string; border: string }> = {
  ready: { background: '#f6ffed', border: '#b7eb8f' },
  occupied: { background: '#e6f4ff', border: '#91caff' },
  cleaning: { background: '#fffbe6', border: '#ffe58f' },
  out_of_service: { background: '#f5f5f5', border: '#d9d9d9' },
};
const TAG: Record<Room['state'], string> = {
  ready: 'green',
  occupied: 'blue',
  cleaning: 'gold',
  out_of_service: 'default',
};

function RoomActions({ room, siteId }: { room: Room; siteId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const canSite = usePermission('isolation.site');
  const [note, setNote] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: siteKeys.rooms(siteId) });
    void queryClient.invalidateQueries({ queryKey: siteKeys.one(siteId) });
    void queryClient.invalidateQueries({ queryKey: ['isolationSites', 'list'] });
  };
  const service = useMutation({
    mutationFn: (inService: boolean) =>
      setService(room.id, { inService, note: inService ? null : note || null }),
    onSuccess: refresh,
  });
  return (
    <Flex vertical gap={8} style={{ maxWidth: 260 }}>
      <span>
        <Tag color={TAG[room.state]}>{t(`isolationSites.rooms.state.${room.state}`)}</Tag>
        {room.note ? <Typography.Text type="secondary">{room.note}</Typography.Text> : null}
      </span>
      {room.occupants.map((o) => (
        <span key={o.stayId}>
          <Link to={`/isolation/stays/${o.stayId}`}>{o.personName}</Link>{' '}
          <Typography.Text type="secondary">
            {o.status === 'allocated'
              ? t('isolationSites.rooms.allocated')
              : t('isolationSites.rooms.planned', { date: formatDay(o.plannedEndDate, language) })}
          </Typography.Text>
        </span>
      ))}
      {room.cleanedAt && room.cleanedByName ? (
        <Typography.Text type="secondary">
          {t('isolationSites.rooms.lastCleaned', {
            by: room.cleanedByName,
            at: formatDateTime(room.cleanedAt, language),
          })}
        </Typography.Text>
      ) : null}
      {canSite && (room.state === 'ready' || room.state === 'cleaning') ? (
        <Space.Compact>
          <Input
            size="small"
            maxLength={200}
            placeholder={t('isolationSites.rooms.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button
            size="small"
            loading={service.isPending}
            onClick={() => service.mutate(false)}
            data-testid={`room-out-${room.number}`}
          >
            {t('isolationSites.rooms.outOfService')}
          </Button>
        </Space.Compact>
      ) : null}
      {canSite && room.state === 'out_of_service' ? (
        <Button
          size="small"
          loading={service.isPending}
          onClick={() => service.mutate(true)}
          data-testid={`room-back-${room.number}`}
        >
          {t('isolationSites.rooms.backInService')}
        </Button>
      ) : null}
      {service.error ? <ProblemAlert error={service.error} /> : null}
    </Flex>
  );
}

/**
 * The floor plan of a site (ISO-4 单人单间): one row per floor, one cell per room coloured by its
 * state, the occupant's name (masked unless the user may unmask) in the cell; a room waiting for
 * cleaning carries its "消杀完成" action on the cell itself, the rest behind the cell.
 */
export function RoomGrid({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const canClean = usePermission('isolation.write');
  const rooms = useQuery({ queryKey: siteKeys.rooms(siteId), queryFn: () => fetchRooms(siteId) });
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const cleaned = useMutation({
    mutationFn: (room: Room) => markCleaned(room.id),
    onSuccess: (room) => {
      message.success(t('isolationSites.rooms.cleanedDone', { number: room.number }));
      void queryClient.invalidateQueries({ queryKey: siteKeys.rooms(siteId) });
      void queryClient.invalidateQueries({ queryKey: siteKeys.one(siteId) });
    },
  });
  if (rooms.error) return <ProblemAlert error={rooms.error} />;
  const items = rooms.data?.items ?? [];
  if (!rooms.isLoading && items.length === 0) return <Empty description={t('isolationSites.rooms.empty')} />;
  const floors = new Map<number, Room[]>();
  for (const room of items) floors.set(room.floor, [...(floors.get(room.floor) ?? []), room]);
  return (
    <Flex vertical gap={8} data-testid="room-grid">
      <Space wrap size={4}>
        {ROOM_STATES.map((s) => (
          <Tag key={s} color={TAG[s]}>
            {t(`isolationSites.rooms.state.${s}`)} {items.filter((r) => r.state === s).length}
          </Tag>
        ))}
      </Space>
      {[...floors.entries()].map(([floor, rows]) => (
        <Flex key={floor} vertical gap={4} data-testid={`floor-${floor}`}>
          <Typography.Text strong>{t('isolationSites.rooms.floor', { floor })}</Typography.Text>
          <Flex wrap gap={6}>
            {rows.map((room) => (
              <Popover
                key={room.id}
                trigger="click"
                title={room.number}
                content={<RoomActions room={room} siteId={siteId} />}
              >
                <Card
                  size="small"
                  hoverable
                  data-testid={`room-${room.number}`}
                  data-state={room.state}
                  style={{
                    width: 76,
                    background: COLOURS[room.state].background,
                    borderColor: COLOURS[room.state].border,
                  }}
                  styles={{ body: { padding: 6 } }}
                >
                  <Flex vertical gap={2}>
                    <Typography.Text strong>{room.number}</Typography.Text>
                    <Typography.Text ellipsis style={{ fontSize: 12 }}>
                      {room.occupants.length > 0
                        ? room.occupants.map((o) => o.personName).join(t('isolationSites.sep'))
                        : t(`isolationSites.rooms.state.${room.state}`)}
                    </Typography.Text>
                    {room.state === 'cleaning' && canClean ? (
                      <Button
                        size="small"
                        type="link"
                        style={{ padding: 0, height: 'auto', fontSize: 12 }}
                        loading={cleaned.isPending && cleaned.variables?.id === room.id}
                        onClick={(e) => {
                          e.stopPropagation();
                          cleaned.mutate(room);
                        }}
                        data-testid={`room-cleaned-${room.number}`}
                      >
                        {t('isolationSites.rooms.cleaned')}
                      </Button>
                    ) : null}
                  </Flex>
                </Card>
              </Popover>
            ))}
          </Flex>
        </Flex>
      ))}
      {cleaned.error ? <ProblemAlert error={cleaned.error} /> : null}
    </Flex>
  );
}
