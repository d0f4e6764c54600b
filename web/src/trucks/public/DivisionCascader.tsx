import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import type { Division } from '../api';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

interface DivisionCascaderProps {
  /** Children of a division, or the top level without a parent. */
  load: (parent?: string) => Promise<Division[]>;
  /** The leaf code chosen, or null while the path is incomplete. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  'data-testid'?: string;
}

const toOptions = (rows: Division[]): Option[] =>
  rows.map((row) => ({ value: row.code, label: row.name, isLeaf: row.leaf }));

/** A division picked level by level (loaded as opened, so a phone fetches little); only a leaf counts. */
export function DivisionCascader({
  load,
  value,
  onChange,
  placeholder,
  'data-testid': testId,
}: DivisionCascaderProps) {
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[]>([]);
  useEffect(() => {
    void load().then((rows) => setOptions(toOptions(rows)));
  }, [load]);
  useEffect(() => {
    if (!value) setPath([]);
  }, [value]);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target) return;
    target.children = toOptions(await load(target.value));
    setOptions((current) => [...current]);
  };

  return (
    <Cascader<Option>
      options={options}
      loadData={(selected) => void loadData(selected as Option[])}
      value={path}
      changeOnSelect={false}
      showSearch={false}
      onChange={(next, selected) => {
        const codes = (next ?? []) as string[];
        setPath(codes);
        const last = (selected as Option[] | undefined)?.at(-1);
        onChange?.(last?.isLeaf ? last.value : null);
      }}
      placeholder={placeholder}
      size="large"
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
