import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole } from './api';

/** 指挥长, 社区/网格员, … or their English names; an unknown role shows as sent. */
export function useRoleLabel() {
  const { t } = useTranslation();
  return useCallback((role: string) => (isRole(role) ? t(`roles.${role}`) : role), [t]);
}
