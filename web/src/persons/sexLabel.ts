import type { TFunction } from 'i18next';

export function sexLabel(t: TFunction, sex: string | null): string {
  if (sex === 'male') return t('persons.sex.male');
  if (sex === 'female') return t('persons.sex.female');
  return '';
}
