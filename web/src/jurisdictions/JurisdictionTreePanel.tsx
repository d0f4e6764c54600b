import { Spin, Tree } from 'antd';
import type { Key } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { levelLabel } from './levelLabel';
import { toTreeNodes } from './treeNodes';
import type { JurisdictionTree } from './useJurisdictionTree';

interface JurisdictionTreePanelProps {
  tree: JurisdictionTree;
  selected: string | null;
  expanded: string[];
  onExpand: (codes: string[]) => void;
  onSelect: (code: string) => void;
}

/** The tree of the user's jurisdictions; each level loads when it is opened. */
export function JurisdictionTreePanel({
  tree,
  selected,
  expanded,
  onExpand,
  onSelect,
}: JurisdictionTreePanelProps) {
  const { t } = useTranslation();
  const treeData = useMemo(() => toTreeNodes(tree), [tree]);
  if (!tree.rootsLoaded) return <Spin description={t('common.loading')} />;
  return (
    <Tree
      data-testid="jurisdiction-tree"
      treeData={treeData}
      loadData={(node) => tree.loadChildren(String(node.key))}
      loadedKeys={Object.keys(tree.children)}
      expandedKeys={expanded}
      selectedKeys={selected ? [selected] : []}
      onExpand={(keys: Key[]) => onExpand(keys.map(String))}
      onSelect={(keys: Key[]) => {
        const [first] = keys;
        if (first !== undefined) onSelect(String(first));
      }}
      titleRender={(item) => (
        <span data-testid="jurisdiction-node" data-code={item.key}>
          {item.title} <small style={{ opacity: 0.55 }}>{levelLabel(t, item.node.level)}</small>
        </span>
      )}
    />
  );
}
