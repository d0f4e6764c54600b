import { Navigate } from 'react-router';

/** Where a signed-in user lands: their role's home. */
export function HomeRedirect() {
  return <Navigate to="/persons" replace />;
}
