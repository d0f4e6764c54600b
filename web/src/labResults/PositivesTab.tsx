import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, List, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { getPositives, getTube, labKeys, type PositiveFilter, type PositiveTube } from './api';
import { ControlState } from './ControlState';

/** The members of one positive tube, each with their control and re-sampling task (TST-1). */
function Members({ tube }: { tube: PositiveTube }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: labKeys.tube(tube.barcode), queryFn: () => getTube(tube.barcode) });
  if (detail.isLoading) return <Spin size="small" />;
  if (detail.error) return <ProblemAlert error={detail.error} />;
  return (
    <List
      size="small"
      header={t('labResults.positives.members')}
      dataSource={detail.data?.members ?? []}
      data-testid="positive-members"
      renderItem={(member) => (
        <List.Item data-testid="positive-member">
          <Flex gap={8} wrap align="center" style={{ width: '100%' }}>
            <Link to={`/persons/${member.personId}`}>{member.name}</Link>
            <Typography.Text type="secondary">{member.idNumberMasked}</Typography.Text>
            <ControlState control={member.control} />
          </Flex>
        </List.Item>
      )}
    />
  );
}

/**
 * Positive tubes (TST-1, TST-3), newest first: the chosen lab's, or, opened from a dashboard figure,
 * those sampled in a jurisdiction on given result days, pools or single tubes, whatever lab tested them.
 */
export function PositivesTab({ filter }: { filter: PositiveFilter }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const positives = useQuery({ queryKey: labKeys.positives(filter), queryFn: () => getPositives(filter) });
  if (positives.error) return <ProblemAlert error={positives.error} />;
  if (positives.isLoading) return <Spin />;
  const items = positives.data?.items ?? [];
  if (items.length === 0) return <Empty description={t('labResults.positives.empty')} />;
  return (
    <Flex vertical gap={12} data-testid="positive-tubes">
      {items.map((tube) => (
        <Card
          key={tube.barcode}
          size="small"
          title={<span style={{ color: '#cf1322' }}>{tube.barcode}</span>}
          extra={`${t('labResults.positives.resultedAt')} ${formatDateTime(tube.resultedAt, language)} · ${t('labResults.positives.openControls')} ${tube.openControls}/${tube.memberCount}`}
          data-testid="positive-tube"
        >
          <Members tube={tube} />
        </Card>
      ))}
    </Flex>
  );
}
