import type { IdType } from '../persons/api';
import type { ReportBody } from './api';

/** What the report form holds: times as `datetime-local` text, in the phone's own zone. */
export interface ReportFormValues {
  name?: string;
  idType: IdType;
  idNumber?: string;
  phone?: string;
  origin: 'domestic' | 'overseas';
  originDivisionCode?: string | null;
  originCountry?: string;
  enteredAt?: string;
  portIsolationDays?: number | null;
  leftOriginAt?: string;
  arrivedAt?: string;
  destinationCode?: string;
  address?: string;
  homeIsolationConditions?: boolean;
  negativeNatAt?: string;
  itineraryStar: boolean;
  truckDriver: boolean;
}

export const REPORT_FIELDS = [
  'name',
  'idType',
  'idNumber',
  'phone',
  'origin',
  'originDivisionCode',
  'originCountry',
  'enteredAt',
  'portIsolationDays',
  'leftOriginAt',
  'arrivedAt',
  'destinationCode',
  'address',
  'homeIsolationConditions',
  'negativeNatAt',
  'itineraryStar',
  'truckDriver',
] as const;

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DDTHH:mm" in the phone's own zone: what a `datetime-local` input holds. */
function localMinute(date: Date): string {
  const day = `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
  return `${day}T${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

export function initialValues(): ReportFormValues {
  return {
    idType: 'resident_id',
    origin: 'domestic',
    arrivedAt: localMinute(new Date()),
    itineraryStar: false,
    truckDriver: false,
  };
}

const instant = (local: string | undefined) => (local ? new Date(local).toISOString() : null);
const text = (value: string | undefined) => value?.trim() ?? '';

export function toReportBody(values: ReportFormValues): ReportBody {
  const overseas = values.origin === 'overseas';
  return {
    name: text(values.name),
    idType: values.idType,
    idNumber: text(values.idNumber),
    phone: text(values.phone),
    origin: values.origin,
    originDivisionCode: overseas ? null : (values.originDivisionCode ?? null),
    originCountry: overseas ? text(values.originCountry) || null : null,
    enteredAt: overseas ? instant(values.enteredAt) : null,
    portIsolationDays: overseas ? (values.portIsolationDays ?? null) : null,
    leftOriginAt: instant(values.leftOriginAt) ?? '',
    arrivedAt: instant(values.arrivedAt) ?? '',
    destinationCode: values.destinationCode ?? '',
    address: text(values.address),
    homeIsolationConditions: values.homeIsolationConditions ?? false,
    negativeNatAt: instant(values.negativeNatAt),
    itineraryStar: values.itineraryStar,
    truckDriver: values.truckDriver,
  };
}
