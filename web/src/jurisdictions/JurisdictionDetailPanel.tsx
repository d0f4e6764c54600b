import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Descriptions, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { usePermission } from '../session/useSession';
import { AddGridButton } from './AddGridButton';
import { canHoldGrids, fetchJurisdiction, type Jurisdiction, jurisdictionKeys } from './api';
import { levelLabel } from './levelLabel';

interface JurisdictionDetailPanelProps {
  code: string | null;
  onGridCreated: (grid: Jurisdiction) => void;
}

/** Code, level, time zone and the path from the top of one node, with "add grid" where allowed. */
export function JurisdictionDetailPanel({ code, onGridCreated }: JurisdictionDetailPanelProps) {
  const { t } = useTranslation();
  const canWrite = usePermission('jurisdiction.write');
  const query = useQuery({
    queryKey: jurisdictionKeys.detail(code ?? ''),
    queryFn: () => fetchJurisdiction(code ?? ''),
    enabled: code !== null,
  });
  if (code === null) return <Empty description={t('jurisdictions.pickOne')} />;
  if (query.error) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Skeleton active />;
  const node = query.data;
  const crumbs = [...node.path, node].map((item) => ({ key: item.code, title: item.name }));
  return (
    <Card
      data-testid="jurisdiction-detail"
      title={node.name}
      extra={
        canWrite && canHoldGrids(node) ? <AddGridButton parent={node} onCreated={onGridCreated} /> : null
      }
    >
      <Breadcrumb items={crumbs} style={{ marginBottom: 16 }} data-testid="jurisdiction-path" />
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          {
            key: 'code',
            label: t('jurisdictions.code'),
            children: <span data-testid="jurisdiction-code">{node.code}</span>,
          },
          { key: 'level', label: t('jurisdictions.level'), children: levelLabel(t, node.level) },
          {
            key: 'timeZone',
            label: t('jurisdictions.timeZone'),
            children: node.timeZone ?? t('jurisdictions.timeZoneInherited'),
          },
        ]}
      />
    </Card>
  );
}
