import { Cascader, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchOrigins } from './api';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

interface OriginCascaderProps {
  /** The district (6 digits) or town or street (9 digits) chosen. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  'data-testid'?: string;
}

const toOptions = (rows: Array<{ code: string; name: string; leaf: boolean }>): Option[] =>
  rows.map((row) => ({ value: row.code, label: row.name, isLeaf: row.leaf }));

/** A district or, better, a town or street (B7); a province or city alone is too coarse. */
const isOrigin = (code: string | undefined): code is string => code?.length === 6 || code?.length === 9;

/**
 * Province → city → district → town or street, loaded level by level so a phone downloads only
 * what is opened. B7: a district is accepted, but the traveller is asked for the street, since a
 * district holding a published risk area is read cautiously.
 */
export function OriginCascader({ value, onChange, placeholder, 'data-testid': testId }: OriginCascaderProps) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[]>([]);
  useEffect(() => {
    void fetchOrigins().then((rows) => setOptions(toOptions(rows)));
  }, []);
  // A form reset (the origin cleared from outside) clears the path. A province or city on the way
  // down is reported as null by this picker itself, and must not collapse the path being chosen.
  const reported = useRef<string | null | undefined>(value);
  useEffect(() => {
    if (value !== reported.current && !value) setPath([]);
  }, [value]);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target) return;
    target.children = toOptions(await fetchOrigins(target.value));
    setOptions((current) => [...current]);
  };

  return (
    <>
      <Cascader<Option>
        options={options}
        loadData={(selected) => void loadData(selected as Option[])}
        value={path}
        changeOnSelect
        onChange={(next) => {
          const codes = (next ?? []) as string[];
          setPath(codes);
          const last = codes[codes.length - 1];
          reported.current = isOrigin(last) ? last : null;
          onChange?.(reported.current);
        }}
        placeholder={placeholder}
        size="large"
        style={{ width: '100%' }}
        data-testid={testId}
      />
      <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="landing-origin-hint">
        {t('publicLanding.originHint')}
      </Typography.Text>
    </>
  );
}
