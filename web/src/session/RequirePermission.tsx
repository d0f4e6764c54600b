import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from './api';
import { usePermission } from './useSession';

/** Shows a 403 page instead of its children when the user lacks the permission. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowed = usePermission(permission);
  const { t } = useTranslation();
  if (!allowed)
    return <Result status="403" title={t('common.forbiddenTitle')} subTitle={t('common.forbidden')} />;
  return children;
}
