import type { TFunction } from 'i18next';
import { type ArrivalStatus, type ArrivalSummary, CHANNELS, type Channel } from './api';

const isChannel = (value: string): value is Channel => CHANNELS.includes(value as Channel);

export const channelLabel = (t: TFunction, channel: string) =>
  isChannel(channel) ? t(`arrivals.channels.${channel}`) : channel;

/** Every status the API sends has a colour, so the map says which statuses have words too. */
export const STATUS_COLORS: Record<ArrivalStatus, string> = {
  under_control: 'processing',
  registered: 'default',
  // Issue 12, no silent arrivals: waiting for the CDC stands out; decided by them does not.
  origin_review: 'error',
  no_protocol: 'warning',
  no_pack: 'error',
  reviewed: 'default',
  released: 'success',
};

const isStatus = (value: string): value is ArrivalStatus => Object.hasOwn(STATUS_COLORS, value);

export const statusLabel = (t: TFunction, status: string) =>
  isStatus(status) ? t(`arrivals.statuses.${status}`) : status;

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
