import { Navigate } from 'react-router';
import { useMe } from '../session/useSession';
import { homeOf } from './homeOf';

/** Where a signed-in user lands: their role's home (see homeOf). */
export function HomeRedirect() {
  const me = useMe();
  return <Navigate to={homeOf(me.roles)} replace />;
}
