import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../common/useDebouncedValue';
import { searchPlaces } from './api';
import { useFetched } from './useFetched';

interface PlaceSelectProps {
  landingCode: string;
  value?: string;
  onChange?: (value: string) => void;
  'data-testid'?: string;
}

/** The destination community, searched within the landing code's area only (ARR-11). */
export function PlaceSelect({ landingCode, value, onChange, 'data-testid': testId }: PlaceSelectProps) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const q = useDebouncedValue(term.trim(), 250);
  const places = useFetched(`${landingCode}\n${q}`, () => searchPlaces(landingCode, q));
  const options = (places.data ?? []).map((place) => ({
    value: place.code,
    label: place.townName ? `${place.name}${t('common.inParens', { text: place.townName })}` : place.name,
  }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTerm }}
      value={value}
      onChange={onChange}
      options={options}
      loading={places.loading}
      placeholder={t('publicLanding.placeSearch')}
      notFoundContent={t('publicLanding.noPlace')}
      size="large"
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
