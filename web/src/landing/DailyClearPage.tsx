import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { DrillFilters } from '../dashboard/DrillFilters';
import { useLanguage } from '../i18n/useLanguage';
import { useJurisdictionName } from '../jurisdictions/JurisdictionName';
import { type Board, fetchBoard, landingKeys } from './api';

type Community = Board['communities'][number];

/**
 * 每日清零 (ARR-11): per community, the day's reports and what is still open; green when none is.
 * Day and jurisdiction live in the URL, so the dashboard's daily-clear figures open this board.
 */
export default function DailyClearPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const day = params.get('date') || undefined;
  const jurisdiction = params.get('jurisdiction') || undefined;
  const place = useJurisdictionName(jurisdiction);
  const update = (key: string, value: string | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const query = useQuery({
    queryKey: landingKeys.board(jurisdiction, day),
    queryFn: () => fetchBoard(jurisdiction, day),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const board = query.data;
  const count = (key: keyof Community & string) => ({
    title: t(`landing.board.${key as 'received'}`),
    dataIndex: key,
    key,
  });
  const columns = [
    {
      title: t('landing.board.community'),
      key: 'name',
      render: (_: unknown, c: Community) => c.name ?? c.code,
    },
    count('received'),
    count('verified'),
    count('fedBack'),
    count('cleared'),
    count('backlog'),
    count('outstanding'),
    {
      title: t('landing.board.status'),
      key: 'clear',
      render: (_: unknown, c: Community) => (
        <Tag
          color={c.clear ? 'green' : 'red'}
          data-testid="board-community-status"
          data-clear={String(c.clear)}
        >
          {c.clear ? t('landing.board.clear') : t('landing.board.outstanding')}
        </Tag>
      ),
    },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('landing.board.title')}
        </Typography.Title>
        <DatePicker
          value={day ? dayjs(day) : null}
          onChange={(value) => update('date', value?.format('YYYY-MM-DD'))}
          placeholder={board?.date}
          data-testid="board-date"
        />
      </Flex>
      <DrillFilters
        filters={
          jurisdiction
            ? [
                {
                  key: 'jurisdiction',
                  label: t('dashboard.filters.jurisdiction', { name: place }),
                  onClear: () => update('jurisdiction', undefined),
                },
              ]
            : []
        }
        onClearAll={() => update('jurisdiction', undefined)}
      />
      <Typography.Paragraph type="secondary">{t('landing.board.hint')}</Typography.Paragraph>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {board ? (
        <Alert
          type={board.clear ? 'success' : 'error'}
          icon={board.clear ? <CheckCircleFilled /> : <ExclamationCircleFilled />}
          showIcon
          title={
            <span data-testid="board-status" data-clear={String(board.clear)}>
              {formatDay(board.date, language)}{' '}
              {board.clear
                ? t('landing.board.clear')
                : t('landing.board.notClear', { count: board.total.outstanding })}
            </span>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Table<Community>
        rowKey="code"
        columns={columns}
        dataSource={board?.communities ?? []}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('landing.board.empty') }}
        onRow={() => rowTestId('board-row')}
      />
    </>
  );
}
