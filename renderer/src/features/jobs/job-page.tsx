import { Wizard } from '../wizard/wizard';
import { JobHeader } from './job-header';

/** One fulfilment job: what is being fulfilled on top, the wizard below. */
export function JobPage() {
  return (
    <div className="job-page" data-testid="job-page">
      <JobHeader />
      <Wizard />
    </div>
  );
}
