import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Select, Tabs, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { type DrillFilter, DrillFilters } from '../dashboard/DrillFilters';
import type { Language } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';
import { useJurisdictionName } from '../jurisdictions/JurisdictionName';
import { usePermission } from '../session/useSession';
import { getBoard, labKeys, type PositiveFilter } from './api';
import { BoardTab } from './BoardTab';
import { CorrectTab } from './CorrectTab';
import { OverdueTab } from './OverdueTab';
import { PositivesTab } from './PositivesTab';
import { ReceiveTab } from './ReceiveTab';
import { ResultsTab } from './ResultsTab';
import { type LabDrill, type LabTab, useLabWorkParams } from './useLabWorkParams';

/** The tabs a dashboard figure can open for a jurisdiction rather than for one lab. */
const PLACE_TABS: readonly LabTab[] = ['board', 'positives', 'overdue'];

function daysLabel(t: TFunction, language: Language, from?: string, to?: string): string {
  const day = (value: string) => formatDay(value, language);
  if (from && to)
    return from === to
      ? t('dashboard.filters.resultDay', { day: day(from) })
      : t('dashboard.filters.resultDays', { from: day(from), to: day(to) });
  return from
    ? t('dashboard.filters.since', { day: day(from) })
    : t('dashboard.filters.until', { day: day(to ?? '') });
}

/** The drill filters that apply on `tab`, as tags the user can clear. */
function useDrillTags(tab: LabTab, drill: LabDrill, clear: (keys: readonly string[]) => void): DrillFilter[] {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const place = useJurisdictionName(drill.jurisdiction);
  if (!PLACE_TABS.includes(tab)) return [];
  const tags: DrillFilter[] = [];
  if (drill.jurisdiction)
    tags.push({
      key: 'jurisdiction',
      label: t('dashboard.filters.jurisdiction', { name: place }),
      onClear: () => clear(['jurisdiction']),
    });
  if (tab !== 'positives') return tags;
  if (drill.from || drill.to)
    tags.push({
      key: 'days',
      label: daysLabel(t, language, drill.from, drill.to),
      onClear: () => clear(['from', 'to']),
    });
  if (drill.kind)
    tags.push({
      key: 'kind',
      label: t(`dashboard.filters.tubeKind.${drill.kind}`),
      onClear: () => clear(['kind']),
    });
  return tags;
}

/**
 * A lab's work (TST-1 … TST-3): receive tubes, post results, watch turnaround, follow positives and
 * overdue tubes. Tab, lab and the filters a dashboard figure sets live in the URL; who may only read
 * sees the board, the positives and the overdue tubes.
 */
export default function LabWorkPage() {
  const { t } = useTranslation();
  // The board lists every lab of the caller's subtree: it doubles as the lab chooser.
  const board = useQuery({ queryKey: labKeys.board, queryFn: () => getBoard() });
  const { tab, lab, drill, setTab, setLab, clearDrill } = useLabWorkParams();
  const canResult = usePermission('testing.result');
  const canCorrect = usePermission('testing.correct');
  const labs = board.data?.labs ?? [];
  const labId = labs.find((item) => item.labId === lab)?.labId ?? labs[0]?.labId ?? null;
  const active: LabTab = tab ?? (canResult ? 'receive' : 'board');
  const tags = useDrillTags(active, drill, clearDrill);
  const byPlace = tags.length > 0;
  const positives: PositiveFilter = byPlace
    ? { jurisdiction: drill.jurisdiction, from: drill.from, to: drill.to, kind: drill.kind }
    : { labId: labId ?? undefined };
  const items = [
    ...(canResult && labId
      ? [
          { key: 'receive', label: t('labResults.tabs.receive'), children: <ReceiveTab labId={labId} /> },
          { key: 'results', label: t('labResults.tabs.results'), children: <ResultsTab labId={labId} /> },
        ]
      : []),
    {
      key: 'board',
      label: t('labResults.tabs.board'),
      children: <BoardTab labId={labId} jurisdiction={drill.jurisdiction} />,
    },
    {
      key: 'positives',
      label: t('labResults.tabs.positives'),
      children: <PositivesTab filter={positives} />,
    },
    {
      key: 'overdue',
      label: t('dashboard.filters.overdueTubes'),
      children: <OverdueTab jurisdiction={drill.jurisdiction} />,
    },
    ...(canCorrect
      ? [{ key: 'correct', label: t('labResults.tabs.correct'), children: <CorrectTab /> }]
      : []),
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('labResults.title')}</Typography.Title>
      {board.error && <ProblemAlert error={board.error} />}
      {byPlace || active === 'overdue' ? null : (
        <Select
          style={{ maxWidth: '32rem' }}
          placeholder={t('labResults.chooseLab')}
          value={labId ?? undefined}
          loading={board.isLoading}
          onChange={setLab}
          options={labs.map((item) => ({ value: item.labId, label: item.name }))}
          data-testid="lab-select"
        />
      )}
      {board.data && labs.length === 0 && !byPlace ? (
        <Alert type="info" title={t('labResults.noLab')} />
      ) : null}
      <DrillFilters filters={tags} onClearAll={() => clearDrill()} />
      <Tabs
        destroyOnHidden
        activeKey={items.some((item) => item.key === active) ? active : items[0]?.key}
        onChange={(key) => setTab(key as LabTab)}
        items={items}
        data-testid="lab-tabs"
      />
    </Flex>
  );
}
