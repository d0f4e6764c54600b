import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Empty, Flex, Grid, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { fetchMyWork, type MyWorkItem, workKeys } from './api';
import { WorkCards } from './WorkCards';
import { WorkTable } from './WorkTable';

const SECTIONS = ['overdue', 'due_soon', 'open'] as const;
type Section = (typeof SECTIONS)[number];

const SECTION_COLORS: Record<Section, string> = { overdue: '#cf1322', due_soon: '#d46b08', open: '#1677ff' };

/**
 * My work (我的工作): the caller's open, due-soon and overdue items, most urgent first, each with the
 * person's name and address and the one action that closes it; a table on a desktop, cards on a phone.
 */
export default function MyWorkPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const query = useQuery({ queryKey: workKeys.list, queryFn: fetchMyWork, refetchInterval: 60_000 });
  const data = query.data;
  const bySection = (section: Section): MyWorkItem[] =>
    (data?.items ?? []).filter((item) => item.state === section);
  return (
    <Flex vertical gap={16} data-testid="my-work">
      <Typography.Title level={3} className="page-title">
        {t('work.title')}
      </Typography.Title>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {query.isPending ? <Spin description={t('common.loading')} /> : null}
      {data && data.total === 0 ? <Empty description={t('work.empty')} data-testid="my-work-empty" /> : null}
      {data && data.total > 0 ? (
        <Typography.Text type="secondary" data-testid="my-work-summary">
          {t(data.counts.escalated > 0 ? 'work.summaryEscalated' : 'work.summary', {
            overdue: data.counts.overdue,
            escalated: data.counts.escalated,
            dueSoon: data.counts.due_soon,
            open: data.counts.open,
          })}
        </Typography.Text>
      ) : null}
      {data && data.items.length < data.total ? (
        <Alert
          type="info"
          showIcon
          data-testid="my-work-more"
          title={
            <>
              {t('work.more', { shown: data.items.length, total: data.total })}{' '}
              <Link to="/deadlines">{t('work.moreLink')}</Link>
            </>
          }
        />
      ) : null}
      {SECTIONS.map((section) => {
        const items = bySection(section);
        if (items.length === 0) return null;
        return (
          <section key={section} data-testid={`my-work-section-${section}`}>
            <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t(`work.sections.${section}`)}
              </Typography.Title>
              <Badge
                count={data?.counts[section] ?? items.length}
                color={SECTION_COLORS[section]}
                overflowCount={999}
              />
            </Flex>
            {phone ? <WorkCards items={items} /> : <WorkTable items={items} />}
          </section>
        );
      })}
    </Flex>
  );
}
