import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermission } from '../session/useSession';
import { fetchMyWorkCount, workKeys } from './api';

/** The header's count of my overdue items (those escalated to me among them), refreshed every minute. */
export function WorkBadge() {
  const { t } = useTranslation();
  const allowed = usePermission('deadline.read');
  const { data } = useQuery({
    queryKey: workKeys.count,
    queryFn: fetchMyWorkCount,
    enabled: allowed,
    refetchInterval: 60_000,
  });
  if (!allowed) return null;
  const label = data
    ? t('work.badge.label', { overdue: data.overdue, escalated: data.escalated })
    : t('work.badge.link');
  return (
    <Link
      to="/my-work"
      aria-label={label}
      title={label}
      data-testid="my-work-badge"
      data-count={data?.overdue ?? 0}
    >
      <Badge count={data?.overdue ?? 0} size="small" overflowCount={99} offset={[2, -2]}>
        <BellOutlined className="app-header-user" style={{ fontSize: 18 }} />
      </Badge>
    </Link>
  );
}
