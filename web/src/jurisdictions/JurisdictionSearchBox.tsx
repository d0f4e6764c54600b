import { LoadingOutlined, SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { levelLabel } from './levelLabel';
import { useJurisdictionSearch } from './useJurisdictionSearch';

/** Finds a node by code, name or pinyin initials (e.g. "hsq" for 和平社区) and reports the pick. */
export function JurisdictionSearchBox({ onPick }: { onPick: (code: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const search = useJurisdictionSearch(text);
  const options = (search.active ? (search.data ?? []) : []).map((node) => ({
    value: node.code,
    label: (
      <span data-testid="jurisdiction-search-option">
        {node.name} · {levelLabel(t, node.level)} {node.code}
      </span>
    ),
  }));
  return (
    <AutoComplete
      style={{ width: '100%' }}
      value={text}
      options={options}
      onChange={setText}
      onSelect={(code: string) => {
        setText('');
        onPick(code);
      }}
      notFoundContent={search.active && !search.isFetching ? t('common.noData') : null}
    >
      <Input
        allowClear
        prefix={search.isFetching ? <LoadingOutlined /> : <SearchOutlined />}
        placeholder={t('jurisdictions.searchPlaceholder')}
        data-testid="jurisdiction-search"
      />
    </AutoComplete>
  );
}
