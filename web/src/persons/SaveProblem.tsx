import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api/problem';
import { ProblemAlert } from '../common/ProblemAlert';

interface SaveProblemProps {
  error: unknown;
  /** Fields whose problems already show beside the field. */
  placedFields: readonly string[];
  onReload?: () => void;
}

/** Why saving failed: a duplicate ID number (with a link), an edit conflict (reload), or the problem. */
export function SaveProblem({ error, placedFields, onReload }: SaveProblemProps) {
  const { t } = useTranslation();
  if (isApiError(error) && error.problem.code === 'person_exists' && error.problem.existingId) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="person-exists"
        title={t('persons.exists')}
        action={
          <Link to={`/persons/${error.problem.existingId}`} data-testid="person-exists-link">
            {t('persons.openExisting')}
          </Link>
        }
      />
    );
  }
  if (isApiError(error) && error.problem.code === 'conflict') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="person-conflict"
        title={t('persons.conflict')}
        action={
          onReload ? (
            <Button size="small" onClick={onReload} data-testid="person-reload">
              {t('persons.reload')}
            </Button>
          ) : null
        }
      />
    );
  }
  return <ProblemAlert error={error} hideFields={placedFields} />;
}
