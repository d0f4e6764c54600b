import { useQuery } from '@tanstack/react-query';
import { fetchMe, hasPermission, type Me, type Permission, SESSION_KEY } from './api';

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** The signed-in user; only for components rendered inside RequireSession. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe() used outside RequireSession');
  return data;
}

export function usePermission(permission: Permission): boolean {
  const { data } = useSession();
  return hasPermission(data, permission);
}
