import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonFormValues } from './formValues';

/** The form's field labels; also used to put the server's field problems in words. */
export function usePersonLabels(): Record<keyof PersonFormValues, string> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      name: t('persons.fields.name'),
      idType: t('persons.fields.idType'),
      idNumber: t('persons.fields.idNumber'),
      phone: t('persons.fields.phone'),
      sex: t('persons.fields.sex'),
      birthDate: t('persons.fields.birthDate'),
      jurisdictionCode: t('persons.fields.jurisdiction'),
      address: t('persons.fields.address'),
      employer: t('persons.fields.employer'),
      householdCode: t('persons.fields.householdCode'),
      keyGroups: t('persons.fields.keyGroups'),
    }),
    [t],
  );
}
