import { Wizard } from '../wizard/wizard';
import { ConflictBanner } from './conflict-banner';
import { JobHeader } from './job-header';
import { useJobLive } from './use-job-live.hook';

/** One fulfilment job: what is being fulfilled on top, a conflict with the server if there is one, the wizard below. */
export function JobPage() {
  useJobLive();
  return (
    <div className="job-page" data-testid="job-page">
      <JobHeader />
      <ConflictBanner />
      <Wizard />
    </div>
  );
}
