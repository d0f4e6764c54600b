import { TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { levelLabel } from './levelLabel';
import { type JurisdictionTreeNode, toTreeNodes } from './treeNodes';
import { useJurisdictionSearch } from './useJurisdictionSearch';
import { useJurisdictionTree } from './useJurisdictionTree';

interface JurisdictionTreeSelectProps<V extends string | string[]> {
  value?: V;
  onChange?: (value: V) => void;
  multiple?: boolean;
  placeholder?: string;
  'data-testid'?: string;
}

function codesOf(value: string | string[] | undefined): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Picks a jurisdiction (several with `multiple`) from a tree that loads one level per expand; typing
 * searches the server instead. Preset values are revealed (their ancestors loaded) to show by name.
 */
export function JurisdictionTreeSelect<V extends string | string[]>(props: JurisdictionTreeSelectProps<V>) {
  const { value, onChange, multiple = false, placeholder } = props;
  const { t } = useTranslation();
  const tree = useJurisdictionTree();
  const [searchText, setSearchText] = useState('');
  const search = useJurisdictionSearch(searchText);
  const { nodes, reveal, rootsLoaded } = tree;

  const treeData = useMemo<JurisdictionTreeNode[]>(() => {
    if (!search.active) return toTreeNodes(tree);
    return (search.data ?? []).map((node) => ({
      key: node.code,
      value: node.code,
      title: `${node.name} · ${levelLabel(t, node.level)} ${node.code}`,
      isLeaf: true,
      node,
    }));
  }, [tree, search.active, search.data, t]);

  const missingKey = codesOf(value)
    .filter((code) => !(code in nodes))
    .join(',');
  useEffect(() => {
    if (!rootsLoaded || missingKey === '') return;
    for (const code of missingKey.split(',')) void reveal(code).catch(() => undefined);
  }, [missingKey, rootsLoaded, reveal]);

  const loading = search.active ? search.isFetching : !rootsLoaded;
  return (
    <TreeSelect<V, JurisdictionTreeNode>
      data-testid={props['data-testid']}
      value={value}
      onChange={(next) => onChange?.(next)}
      multiple={multiple}
      treeData={treeData}
      loadData={(node) => tree.loadChildren(String(node.value))}
      placeholder={placeholder ?? t('jurisdictions.selectPlaceholder')}
      allowClear
      showSearch={{ searchValue: searchText, onSearch: setSearchText, filterTreeNode: false }}
      loading={loading}
      notFoundContent={loading ? t('common.loading') : t('common.noData')}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
