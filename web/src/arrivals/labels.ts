import type { TFunction } from 'i18next';
import { type ArrivalStatus, type ArrivalSummary, CHANNELS, type Channel, STATUSES } from './api';

const isChannel = (value: string): value is Channel => CHANNELS.includes(value as Channel);
const isStatus = (value: string): value is ArrivalStatus => STATUSES.includes(value as ArrivalStatus);

export const channelLabel = (t: TFunction, channel: string) =>
  isChannel(channel) ? t(`arrivals.channels.${channel}`) : channel;
export const statusLabel = (t: TFunction, status: string) =>
  isStatus(status) ? t(`arrivals.statuses.${status}`) : status;

export const STATUS_COLORS: Record<ArrivalStatus, string> = {
  under_control: 'processing',
  registered: 'default',
  origin_review: 'error',
  no_protocol: 'warning',
  released: 'success',
};

/** "境外" or "沈阳市和平区 210102": name and code of the origin as far as known. */
export function originText(
  t: TFunction,
  arrival: Pick<ArrivalSummary, 'origin' | 'originName' | 'originDivisionCode'>,
) {
  const where = [arrival.originName, arrival.originDivisionCode].filter(Boolean).join(' ');
  if (arrival.origin === 'overseas')
    return where ? `${t('arrivals.overseas')} · ${where}` : t('arrivals.overseas');
  return where || t('arrivals.domestic');
}
