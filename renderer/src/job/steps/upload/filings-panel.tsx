import { useState } from 'react';
import type { Job } from '../../../../../shared/jobs/job.types';
import { formatUsd } from '../../../../../shared/documents/fees/fees';
import type { JobFilings } from '../../../../../shared/filings/filing.types';
import { formatCalendarDate } from '../../../lib/format';
import { useJobFilings } from '../../../state/filings';
import { Notice } from '../../../widgets/notice';
import { Spinner } from '../../../widgets/spinner';
import { BlmFilingForm } from './blm-filing-form';
import { CountyRecordingForm } from './county-recording-form';
import '../../../styles/filings.css';

type Due = NonNullable<JobFilings['recordedPackage']>['recordingDue'];

function Deadline({ label, due }: { label: string; due: Due }) {
  if (!due) return null;
  return (
    <li>
      {label} by <strong>{formatCalendarDate(due.date)}</strong> <span className="muted">({due.citation})</span>
    </li>
  );
}

function RecordingSummary({ r }: { r: NonNullable<JobFilings['recording']> }) {
  const where = r.instrumentNumber ? `instrument ${r.instrumentNumber}` : `book ${r.book ?? ''}, page ${r.page ?? ''}`;
  return (
    <p data-testid="recording-summary">
      Recorded {formatCalendarDate(r.recordedOn)} with {r.office}, {where}; fee {formatUsd(r.feePaidCents)}. <span className="muted">Entered by {r.enteredBy}.</span>
    </p>
  );
}

function FilingSummary({ f }: { f: NonNullable<JobFilings['blmFiling']> }) {
  return (
    <div data-testid="blm-summary">
      <p>
        Filed with BLM {formatCalendarDate(f.filedOn)}; fees {formatUsd(f.feesPaidCents)}. <span className="muted">Entered by {f.enteredBy}.</span>
      </p>
      <ul className="filings-serials">
        {f.serials.map((s) => (
          <li key={s.claimName} data-testid="blm-summary-serial">
            {s.claimName}: <span className="mono">{s.serial}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Recording & filing, on a delivered job: what the county recorder and BLM answered, entered by staff, checked by
 * main against the package as recorded. Each entry moves the job (recorded, filed), shows in its History and is
 * sent to the server through the outbox. BLM's filing comes after the county recording it is checked against.
 */
export function FilingsPanel({ job }: { job: Job }) {
  const { filings, error } = useJobFilings(job.id);
  const [editing, setEditing] = useState<'recording' | 'blm' | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const done = (list: string[]) => {
    setWarnings(list);
    setEditing(null);
  };
  const pkg = filings?.recordedPackage ?? null;
  return (
    <section className="filings-panel" aria-labelledby="filings-title" data-testid="filings-panel">
      <h4 id="filings-title" className="step-page__subtitle">
        Recording &amp; filing
      </h4>
      {error && <p className="form-field__error">{error.message}</p>}
      {!filings ? (
        <p className="muted">
          <Spinner small /> Reading the recording and filing…
        </p>
      ) : !pkg ? (
        <p className="muted" data-testid="filings-no-package">
          The package has no date of location, so there is nothing recorded to check a filing against.
        </p>
      ) : (
        <>
          <ul className="filings-deadlines" data-testid="filings-deadlines">
            <Deadline label={`Record with the ${pkg.office ? `${pkg.office} ` : 'county '}recorder`} due={pkg.recordingDue} />
            {filings.blm && <Deadline label="File with BLM" due={pkg.blmDue} />}
          </ul>
          {[...warnings, ...filings.warnings.filter((w) => !warnings.includes(w))].map((w) => (
            <Notice key={w} tone="warning" testId="filings-warning" title="Check this with the recorder and the customer.">
              {w}
            </Notice>
          ))}
          <h5>County recording</h5>
          {filings.recording && editing !== 'recording' && <RecordingSummary r={filings.recording} />}
          {filings.open && (!filings.recording || editing === 'recording') ? (
            <CountyRecordingForm jobId={job.id} office={pkg.office} earlier={filings.recording} onDone={done} />
          ) : (
            filings.recording &&
            job.workflow.events.some((e) => e.event === 'COUNTY_RECORDED' && e.status === 'allowed') && (
              <button type="button" className="button button--small" onClick={() => setEditing('recording')} data-testid="recording-correct">
                Correct the recording
              </button>
            )
          )}
          {filings.blm && (
            <>
              <h5>BLM filing</h5>
              {filings.blmFiling && editing !== 'blm' && <FilingSummary f={filings.blmFiling} />}
              {!filings.recording ? (
                <p className="muted" data-testid="blm-waits">
                  Enter the county recording first: the BLM filing is checked against the recorded package.
                </p>
              ) : !filings.blmFiling || editing === 'blm' ? (
                <BlmFilingForm jobId={job.id} pkg={pkg} earlier={filings.blmFiling} onDone={done} />
              ) : (
                <button type="button" className="button button--small" onClick={() => setEditing('blm')} data-testid="blm-correct">
                  Correct the BLM filing
                </button>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
