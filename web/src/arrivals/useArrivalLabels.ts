import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArrivalFormValues } from './formValues';

/** The form's field labels; also used to put the server's field problems in words. */
export function useArrivalLabels(): Record<keyof ArrivalFormValues, string> {
  const { t } = useTranslation();
  return useMemo(() => {
    const keys = [
      'name',
      'idNumber',
      'phone',
      'jurisdictionCode',
      'origin',
      'originDivisionCode',
      'originName',
      'originCountry',
      'leftOriginAt',
      'arrivedAt',
      'enteredAt',
      'portIsolationDays',
      'contact',
      'returnee',
      'truckCrew',
      'homeIsolationConditions',
      'negativeNatAt',
      'greenHealthCode',
    ] as const satisfies readonly (keyof ArrivalFormValues)[];
    return Object.fromEntries(keys.map((key) => [key, t(`arrivals.form.${key}`)])) as Record<
      keyof ArrivalFormValues,
      string
    >;
  }, [t]);
}
