import { useState } from 'react';
import { useJobStore } from '../state/job.store';
import { HistoryPanel } from './workflow/history-panel';
import { Wizard } from './wizard/wizard';
import { ConflictBanner } from './conflict-banner';
import { JobHeader } from './job-header';
import { useJobLive } from './use-job-live.hook';

/**
 * One fulfilment job: what is being fulfilled and its workflow on top, a conflict with the server if there is
 * one, the wizard below, and the job's history in a drawer beside the wizard when asked for.
 */
export function JobPage() {
  useJobLive();
  const job = useJobStore((state) => state.job);
  // Per job: opening another job starts with the history closed.
  const [historyFor, setHistoryFor] = useState<number | null>(null);
  const historyOpen = job !== null && historyFor === job.id;
  return (
    <div className="job-page" data-testid="job-page">
      <JobHeader historyOpen={historyOpen} onToggleHistory={() => setHistoryFor(historyOpen ? null : (job?.id ?? null))} />
      <ConflictBanner />
      <div className="job-page__body">
        <Wizard />
        {historyOpen && job && <HistoryPanel job={job} onClose={() => setHistoryFor(null)} />}
      </div>
    </div>
  );
}
