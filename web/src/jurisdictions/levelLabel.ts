import type { TFunction } from 'i18next';
import { isLevel } from './api';

/** 省/市/县/乡镇/村社区/网格 or the English names; an unknown level shows as sent. */
export function levelLabel(t: TFunction, level: string): string {
  return isLevel(level) ? t(`levels.${level}`) : level;
}
