import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type Me, SESSION_KEY } from '../session/api';
import { fetchChildren, fetchJurisdiction, type Jurisdiction, jurisdictionKeys } from './api';

interface TreeState {
  nodes: Record<string, Jurisdiction>;
  /** Children by parent code; '' holds the top nodes. A parent is absent until its children load. */
  children: Record<string, string[]>;
}

const ROOT = '';

export interface JurisdictionTree extends TreeState {
  rootsLoaded: boolean;
  loadChildren: (parent: string) => Promise<void>;
  /** Loads every level above `code` so the node shows in the tree; returns the codes to expand. */
  reveal: (code: string) => Promise<string[]>;
  /** Forgets and reloads the children of `parent`, e.g. after a grid was added. */
  reloadChildren: (parent: string) => Promise<void>;
}

function merge(state: TreeState, parent: string, items: Jurisdiction[]): TreeState {
  const nodes = { ...state.nodes };
  for (const item of items) nodes[item.code] = item;
  return { nodes, children: { ...state.children, [parent]: items.map((item) => item.code) } };
}

/** A jurisdiction tree loaded one level at a time, shared by the tree page and the tree selects. */
export function useJurisdictionTree(): JurisdictionTree {
  const queryClient = useQueryClient();
  const [state, setState] = useState<TreeState>({ nodes: {}, children: {} });

  const load = useCallback(
    async (parent: string, fresh: boolean) => {
      const queryKey = jurisdictionKeys.children(parent || null);
      if (fresh) await queryClient.invalidateQueries({ queryKey });
      const items = await queryClient.query({ queryKey, queryFn: () => fetchChildren(parent || null) });
      setState((current) => merge(current, parent, items));
    },
    [queryClient],
  );

  useEffect(() => {
    void load(ROOT, false);
  }, [load]);

  const loadChildren = useCallback((parent: string) => load(parent, false), [load]);
  const reloadChildren = useCallback((parent: string) => load(parent, true), [load]);

  const reveal = useCallback(
    async (code: string) => {
      const detail = await queryClient.query({
        queryKey: jurisdictionKeys.detail(code),
        queryFn: () => fetchJurisdiction(code),
      });
      const scopes = queryClient.getQueryData<Me | null>(SESSION_KEY)?.scopes ?? [];
      // The path starts above the user's subtrees; only the part inside them is in the tree.
      const ancestors = detail.path
        .map((item) => item.code)
        .filter((item) => scopes.some((scope) => item.startsWith(scope)));
      await Promise.all(ancestors.map((ancestor) => load(ancestor, false)));
      return ancestors;
    },
    [queryClient, load],
  );

  return useMemo(
    () => ({ ...state, rootsLoaded: ROOT in state.children, loadChildren, reveal, reloadChildren }),
    [state, loadChildren, reveal, reloadChildren],
  );
}

export const rootCodes = (tree: Pick<TreeState, 'children'>) => tree.children[ROOT] ?? [];
