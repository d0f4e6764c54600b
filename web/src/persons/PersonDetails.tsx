import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '../common/formatDateTime';
import { useLanguage } from '../i18n/useLanguage';
import { isIdType, type Person, type UnmaskedPerson } from './api';
import { sexLabel } from './sexLabel';
import { useKeyGroups } from './useKeyGroups';

interface PersonDetailsProps {
  person: Person;
  /** The clear values after an unmask; otherwise the masked ones are shown. */
  unmasked: UnmaskedPerson | null;
}

export function PersonDetails({ person, unmasked }: PersonDetailsProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const keyGroups = useKeyGroups();
  const idType = isIdType(person.idType) ? t(`persons.idTypes.${person.idType}`) : person.idType;
  const idNumber = unmasked?.idNumber ?? person.idNumberMasked;
  const phone = unmasked ? unmasked.phone : person.phoneMasked;
  const items = [
    {
      key: 'name',
      label: t('persons.fields.name'),
      children: <span data-testid="person-detail-name">{person.name}</span>,
    },
    { key: 'idType', label: t('persons.fields.idType'), children: idType },
    {
      key: 'idNumber',
      label: t('persons.fields.idNumber'),
      children: <span data-testid="person-detail-id-number">{idNumber}</span>,
    },
    {
      key: 'phone',
      label: t('persons.fields.phone'),
      children: <span data-testid="person-detail-phone">{phone ?? ''}</span>,
    },
    { key: 'sex', label: t('persons.fields.sex'), children: sexLabel(t, person.sex) },
    // A role without the unmask permission gets an age band instead of the birth date (the server
    // never sends it to them): the birth date is what a masked ID number hides.
    person.birthDate !== null || !person.ageBand
      ? {
          key: 'birthDate',
          label: t('persons.fields.birthDate'),
          children: person.birthDate ? formatDay(person.birthDate, language) : '',
        }
      : {
          key: 'ageBand',
          label: t('persons.fields.ageBand'),
          children: (
            <span data-testid="person-detail-age-band">
              {t('persons.ageBand', { min: person.ageBand.minAge, max: person.ageBand.maxAge })}
            </span>
          ),
        },
    {
      key: 'jurisdiction',
      label: t('persons.fields.jurisdiction'),
      children: person.jurisdictionName,
    },
    { key: 'address', label: t('persons.fields.address'), children: person.address ?? '' },
    { key: 'employer', label: t('persons.fields.employer'), children: person.employer ?? '' },
    { key: 'householdCode', label: t('persons.fields.householdCode'), children: person.householdCode ?? '' },
    {
      key: 'keyGroups',
      label: t('persons.fields.keyGroups'),
      children: person.keyGroups.map((group) => <Tag key={group}>{keyGroups.labelOf(group)}</Tag>),
    },
    {
      key: 'updatedAt',
      label: t('persons.fields.updatedAt'),
      children: formatDateTime(person.updatedAt, language),
    },
  ];
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} data-testid="person-detail" />
  );
}
