import { useParams } from 'react-router';
import { LandingReport } from './LandingReport';

/** The landing report inside the staff app's router (a staff member opening a code's link). */
export default function LandingReportPage() {
  return <LandingReport code={useParams().code ?? ''} />;
}
