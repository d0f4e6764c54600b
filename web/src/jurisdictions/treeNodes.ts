import type { Jurisdiction } from './api';
import { type JurisdictionTree, rootCodes } from './useJurisdictionTree';

export interface JurisdictionTreeNode {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  node: Jurisdiction;
  children?: JurisdictionTreeNode[];
}

function build(tree: JurisdictionTree, codes: readonly string[]): JurisdictionTreeNode[] {
  return codes.flatMap((code) => {
    const node = tree.nodes[code];
    if (!node) return [];
    const loaded = tree.children[code];
    return [
      {
        key: code,
        value: code,
        title: node.name,
        isLeaf: !node.hasChildren,
        node,
        ...(loaded ? { children: build(tree, loaded) } : {}),
      },
    ];
  });
}

/** The loaded part of the tree, shaped for antd Tree and TreeSelect (key and value are the code). */
export function toTreeNodes(tree: JurisdictionTree): JurisdictionTreeNode[] {
  return build(tree, rootCodes(tree));
}
