import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermission } from '../session/useSession';

/** From a case's page to its investigation workspace (EPI-1, EPI-2), for those who may read it. */
export function CaseInvestigationLink({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  if (!usePermission('investigation.read')) return null;
  return (
    <Link to={`/investigations/${caseId}`} data-testid="case-open-investigation">
      <Button style={{ marginBottom: 12 }}>{t('investigations.workspace')}</Button>
    </Link>
  );
}
