import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { KNOWN_ACTIONS, KNOWN_ENTITIES } from './api';

type Action = (typeof KNOWN_ACTIONS)[number];
type Entity = (typeof KNOWN_ENTITIES)[number];

const isAction = (value: string): value is Action => KNOWN_ACTIONS.includes(value as Action);
const isEntity = (value: string): value is Entity => KNOWN_ENTITIES.includes(value as Entity);

/** Words for the recorded action and entity names; names we do not know show as recorded. */
export function useAuditLabels() {
  const { t } = useTranslation();
  const actionLabel = useCallback(
    (action: string) => (isAction(action) ? t(`audit.actions.${action}`) : action),
    [t],
  );
  const entityLabel = useCallback(
    (entity: string) => (isEntity(entity) ? t(`audit.entities.${entity}`) : entity),
    [t],
  );
  return { actionLabel, entityLabel };
}
