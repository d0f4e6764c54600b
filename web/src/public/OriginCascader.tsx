import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { fetchOrigins } from './api';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

interface OriginCascaderProps {
  /** The district code (6 digits) chosen. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  'data-testid'?: string;
}

const toOptions = (rows: Array<{ code: string; name: string; leaf: boolean }>): Option[] =>
  rows.map((row) => ({ value: row.code, label: row.name, isLeaf: row.leaf }));

/** Province → city → district, loaded level by level so a phone downloads only what is opened. */
export function OriginCascader({ value, onChange, placeholder, 'data-testid': testId }: OriginCascaderProps) {
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[]>([]);
  useEffect(() => {
    void fetchOrigins().then((rows) => setOptions(toOptions(rows)));
  }, []);
  useEffect(() => {
    if (!value) setPath([]);
  }, [value]);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target) return;
    target.children = toOptions(await fetchOrigins(target.value));
    setOptions((current) => [...current]);
  };

  return (
    <Cascader<Option>
      options={options}
      loadData={(selected) => void loadData(selected as Option[])}
      value={path}
      onChange={(next) => {
        const codes = (next ?? []) as string[];
        setPath(codes);
        const last = codes[codes.length - 1];
        onChange?.(last && last.length === 6 ? last : null);
      }}
      placeholder={placeholder}
      size="large"
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
