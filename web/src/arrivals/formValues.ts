import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { normalizePhone } from '../../../src/rules/mask';
import type { ArrivalBody } from './api';

type YesNo = 'yes' | 'no';

/** What the arrival form holds; converted to the API body on submit. */
export interface ArrivalFormValues {
  name: string;
  idNumber: string;
  phone?: string;
  jurisdictionCode?: string;
  origin: 'domestic' | 'overseas';
  originDivisionCode?: string;
  originName?: string;
  originCountry?: string;
  leftOriginAt?: Dayjs | null;
  arrivedAt?: Dayjs | null;
  enteredAt?: Dayjs | null;
  portIsolationDays?: number | null;
  contact: boolean;
  returnee: boolean;
  truckCrew: boolean;
  homeIsolationConditions?: YesNo;
  negativeNatAt?: Dayjs | null;
  greenHealthCode?: YesNo;
}

export const emptyArrival = (jurisdictionCode: string | undefined): ArrivalFormValues => ({
  name: '',
  idNumber: '',
  jurisdictionCode,
  origin: 'domestic',
  arrivedAt: dayjs().second(0).millisecond(0),
  contact: false,
  returnee: false,
  truckCrew: false,
});

const text = (value: string | undefined) => value?.trim() || null;
const instant = (value: Dayjs | null | undefined) => (value ? value.toISOString() : null);
const yesNo = (value: YesNo | undefined) => (value === undefined ? null : value === 'yes');

/** The POST /api/arrivals body: blanks become null; overseas-only facts are sent only for overseas. */
export function toArrivalBody(values: ArrivalFormValues): ArrivalBody {
  const overseas = values.origin === 'overseas';
  const phone = text(values.phone);
  return {
    person: {
      name: values.name.trim(),
      idNumber: values.idNumber.trim().toUpperCase(),
      phone: phone ? (normalizePhone(phone) ?? phone) : null,
    },
    jurisdictionCode: values.jurisdictionCode ?? '',
    origin: values.origin,
    originDivisionCode: text(values.originDivisionCode),
    originName: text(values.originName),
    originCountry: overseas ? text(values.originCountry) : null,
    leftOriginAt: instant(values.leftOriginAt),
    arrivedAt: instant(values.arrivedAt) ?? '',
    enteredAt: overseas ? instant(values.enteredAt) : null,
    portIsolationDays: overseas ? (values.portIsolationDays ?? null) : null,
    contact: values.contact ? 'close_contact_of_inbound_positive' : null,
    returnee: values.returnee ? 'rural' : null,
    truckCrew: values.truckCrew,
    homeIsolationConditions: yesNo(values.homeIsolationConditions),
    negativeNatAt: instant(values.negativeNatAt),
    greenHealthCode: yesNo(values.greenHealthCode),
  };
}
