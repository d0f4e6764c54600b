import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId, testId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import {
  type BatchResult,
  CONTACT_CLASSES,
  type CoExposed,
  type ContactClass,
  candidateOf,
  coExposureKeys,
  fetchCaseCoExposure,
  fetchVenueCoExposure,
  listAsContacts,
} from './api';

/** Windows an investigator picks from (minutes either side of each visit, EPI-3); 60 by default. */
const WINDOWS = [15, 30, 60, 120, 240, 480] as const;
const DEFAULT_WINDOW = 60;

export interface CoExposurePanelProps {
  /** A case: its person's visits in the look-back before the report are searched; the actions list contacts of it. */
  caseId?: string;
  /** A venue and a time range (ISO): everyone who checked in there then. With a caseId too, they can be listed as its contacts. */
  venue?: { venueId: string; from: string; to: string };
}

/**
 * EPI-3 co-exposure (时空伴随) for a case or a venue: the people found, ranked by shared visits, overlap
 * and closeness, with checkboxes and the EPI-4 action that lists the chosen ones as contacts of the
 * case in one request (POST /api/contacts/batch). Names are masked unless the user may unmask.
 */
export function CoExposurePanel({ caseId, venue }: CoExposurePanelProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [windowMinutes, setWindowMinutes] = useState<number>(DEFAULT_WINDOW);
  const [days, setDays] = useState<number>(14);
  const [selected, setSelected] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<BatchResult | undefined>();

  const search = useQuery({
    queryKey: venue
      ? coExposureKeys.venue(venue.venueId, venue.from, venue.to, windowMinutes)
      : coExposureKeys.case(caseId ?? '', windowMinutes, days),
    queryFn: async () => {
      if (venue) {
        const found = await fetchVenueCoExposure(venue.venueId, venue.from, venue.to, windowMinutes);
        return { items: found.items, visits: undefined, stayMinutes: found.stayMinutes };
      }
      const found = await fetchCaseCoExposure(caseId ?? '', windowMinutes, days);
      return { items: found.items, visits: found.visits, stayMinutes: found.stayMinutes };
    },
    enabled: Boolean(venue ?? caseId),
  });

  const list = useMutation({
    mutationFn: (contactClass: ContactClass) => {
      const byHash = new Map((search.data?.items ?? []).map((p) => [p.idHash, p]));
      return listAsContacts({
        caseId: caseId ?? '',
        class: contactClass,
        reason: reason.trim(),
        candidates: selected.flatMap((hash) => {
          const person = byHash.get(hash);
          return person ? [candidateOf(person)] : [];
        }),
      });
    },
    onSuccess: (answer) => {
      setResult(answer);
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
    },
  });

  const when = (iso: string) => formatDateTime(iso, language);
  const columns: ColumnsType<CoExposed & { rank: number }> = [
    { title: t('coExposure.rank'), dataIndex: 'rank', width: 56 },
    {
      title: t('coExposure.person'),
      key: 'person',
      render: (_, p) => (
        <Space orientation="vertical" size={0}>
          <span data-testid="co-exposure-name">
            {p.name || t('coExposure.unnamed')}
            {p.knownPersonId ? (
              <Tag color="blue" style={{ marginInlineStart: 8 }}>
                {t('coExposure.registered')}
              </Tag>
            ) : null}
          </span>
          <Typography.Text type="secondary">
            {p.idMasked}
            {p.phoneMasked ? ` · ${p.phoneMasked}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('coExposure.sharedVisits'), dataIndex: 'sharedVisits', width: 96 },
    {
      title: t('coExposure.overlap'),
      key: 'overlap',
      width: 120,
      render: (_, p) => t('coExposure.minutes', { count: p.overlapMinutes }),
    },
    {
      title: t('coExposure.closestGap'),
      key: 'gap',
      width: 120,
      render: (_, p) => t('coExposure.minutes', { count: p.closestGapMinutes }),
    },
    {
      title: t('coExposure.exposures'),
      key: 'exposures',
      render: (_, p) => (
        <Space orientation="vertical" size={0}>
          {p.exposures.map((e) => (
            <span key={`${e.venueId}-${e.at}-${e.caseAt}`}>
              {e.source === 'checkpoint' ? <Tag>{t('coExposure.checkpoint')}</Tag> : null}
              {e.venueName} · {when(e.at)}
              {venue ? null : (
                <Typography.Text type="secondary">
                  {' '}
                  {t('coExposure.caseAt', { at: when(e.caseAt) })}
                </Typography.Text>
              )}
            </span>
          ))}
        </Space>
      ),
    },
  ];

  const items = (search.data?.items ?? []).map((p, i) => ({ ...p, rank: i + 1 }));
  const canList = Boolean(caseId) && selected.length > 0 && reason.trim().length >= 2 && !list.isPending;

  return (
    <Card title={t('coExposure.title')} data-testid="co-exposure-panel" size="small">
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <span>{t('coExposure.window')}</span>
        <Select
          {...testId('co-exposure-window')}
          value={windowMinutes}
          onChange={setWindowMinutes}
          style={{ width: 140 }}
          options={WINDOWS.map((w) => ({ value: w, label: t('coExposure.windowOption', { count: w }) }))}
        />
        {venue ? null : (
          <>
            <span>{t('coExposure.days')}</span>
            <InputNumber
              {...testId('co-exposure-days')}
              min={1}
              max={21}
              value={days}
              onChange={(value) => setDays(typeof value === 'number' ? value : 14)}
            />
          </>
        )}
        <Button
          {...testId('co-exposure-refresh')}
          onClick={() => void search.refetch()}
          loading={search.isFetching}
        >
          {t('coExposure.search')}
        </Button>
      </Flex>
      {search.error ? <ProblemAlert error={search.error} /> : null}
      {search.data ? (
        <Typography.Paragraph type="secondary" data-testid="co-exposure-summary">
          {search.data.visits
            ? t('coExposure.summaryCase', { visits: search.data.visits.length, people: items.length })
            : t('coExposure.summaryVenue', { people: items.length })}{' '}
          {t('coExposure.assumption', { stay: search.data.stayMinutes })}
        </Typography.Paragraph>
      ) : null}
      <Table
        rowKey="idHash"
        size="small"
        loading={search.isLoading}
        dataSource={items}
        columns={columns}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={() => rowTestId('co-exposure-row')}
        rowSelection={
          caseId
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: () => ({ 'data-testid': 'co-exposure-select' }) as object,
              }
            : undefined
        }
        locale={{ emptyText: t('coExposure.empty') }}
      />
      {caseId ? (
        <Flex wrap gap={8} align="center" style={{ marginTop: 12 }}>
          <Input
            {...testId('co-exposure-reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder={t('coExposure.reasonPlaceholder')}
            maxLength={200}
            style={{ flex: '1 1 240px' }}
          />
          {CONTACT_CLASSES.map((contactClass) => (
            <Button
              key={contactClass}
              {...testId(`co-exposure-list-${contactClass}`)}
              type={contactClass === 'close' ? 'primary' : 'default'}
              disabled={!canList}
              loading={list.isPending && list.variables === contactClass}
              onClick={() => list.mutate(contactClass)}
            >
              {t(`coExposure.listAs.${contactClass}`)}
            </Button>
          ))}
          <Typography.Text type="secondary">
            {t('coExposure.selected', { count: selected.length })}
          </Typography.Text>
        </Flex>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('coExposure.noCase')}
        </Typography.Paragraph>
      )}
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {result ? (
        <Alert
          style={{ marginTop: 12 }}
          data-testid="co-exposure-result"
          type={result.rejected.length > 0 ? 'warning' : 'success'}
          title={t('coExposure.result', {
            created: result.created.length,
            existing: result.existing.length,
            rejected: result.rejected.length,
          })}
          description={
            result.rejected.length > 0 ? (
              <ul>
                {result.rejected.map((r) => (
                  <li key={r.index}>
                    {t('coExposure.rejectedRow', {
                      name: items[r.index]?.name ?? `#${r.index + 1}`,
                      reason: pickText(language, r.message.zh, r.message.en),
                    })}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
    </Card>
  );
}
