import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { useSession } from './useSession';

/** Renders its children only for a signed-in user; anyone else is sent to the login page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data, error, isPending } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (isPending) return <Spin fullscreen description={t('common.loading')} />;
  if (error)
    return <Result status="error" title={t('common.loadFailed')} extra={<ProblemAlert error={error} />} />;
  if (!data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}
