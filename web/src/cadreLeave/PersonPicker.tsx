import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../common/useDebouncedValue';
import { searchPersons } from './api';

interface PersonPickerProps {
  value?: string;
  onChange?: (id: string) => void;
  placeholder?: string;
}

/** A person in the user's jurisdiction, found by name (masked ID shown to tell namesakes apart). */
export function PersonPicker({ value, onChange, placeholder }: PersonPickerProps) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim());
  const query = useQuery({
    queryKey: ['cadre-leaves', 'persons', q],
    queryFn: () => searchPersons(q),
    enabled: q !== '',
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      loading={query.isFetching}
      options={(query.data ?? []).map((p) => ({
        value: p.id,
        label: `${p.name} ${p.idNumberMasked} · ${p.jurisdictionName}`,
      }))}
      data-testid="leave-person"
    />
  );
}
