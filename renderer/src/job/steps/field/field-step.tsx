import { useEffect, useMemo, useRef } from 'react';
import { Notice } from '../../../widgets/notice';
import { useIpcQuery } from '../../../api/use-ipc-query.hook';
import { useJobStore } from '../../../state/job.store';
import { usePackage } from '../../../state/documents.store';
import { useFieldStore } from '../../../state/field.store';
import { JobMap } from '../../job-map';
import { fieldFeatures } from './field-features';
import { FieldPostsTable } from './field-posts-table';
import { CrewPanel } from '../../../widgets/crew/crew-panel';
import '../../../styles/field.css';

/**
 * Field work, after the package went out: bring in the crew's GPX (or CSV) of the posts as set, see each post's
 * offset from where it was planned on the map and in the table, and accept the posts as staked. Accepting makes
 * them the layout, checks it again and remakes the package; after delivery the changed claims get amended
 * certificates, to upload like any package.
 */
export function FieldStep() {
  const job = useJobStore((state) => state.job);
  const jobId = job?.id;
  const hasPackage = usePackage(jobId).pkg !== null;
  const read = useIpcQuery('field', jobId ?? null);
  const field = read.data?.field ?? null;
  const { busy, accepted, open, importFile, accept } = useFieldStore();
  const error = useFieldStore((state) => state.error) ?? read.error;
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (jobId !== undefined) open(jobId);
  }, [jobId, open]);
  const overlay = useMemo(() => fieldFeatures(field), [field]);
  if (!job) return null;

  const counts = field?.report.counts;
  const canAccept = field !== null && busy === null && (counts!.moved > 0 || counts!.missing > 0 || field.acceptedAt === null);
  return (
    <div className="step-split field-step" data-testid="field-step">
      <div className="step-split__side">
        <h3 className="step-page__title">Field</h3>
        <p className="muted">
          Bring back where the crew set the posts: the GPS unit’s waypoints (GPX) or a CSV with name, latitude and longitude. Posts are
          found by their waypoint names (also as older Garmin units cut them), else by the nearest planned post.
        </p>
        {/* A staking-service order's posts are set by our crew: who it is (or that none is assigned yet) comes first. */}
        <CrewPanel order={{ orderType: job.order.orderType, id: job.order.orderId }} />
        {!hasPackage && (
          <Notice tone="info" testId="field-no-package">
            This job has no staking package yet: the posts are compared with the layout as it stands.
          </Notice>
        )}
        <div>
          <input
            ref={fileInput}
            type="file"
            accept=".gpx,.csv,.txt,application/gpx+xml,text/csv"
            hidden
            data-testid="field-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(file);
            }}
          />
          <button type="button" className="button" data-testid="field-import" disabled={busy !== null} onClick={() => fileInput.current?.click()}>
            {busy === 'import' ? 'Reading…' : field ? 'Bring in another file…' : 'Bring in staked posts…'}
          </button>
        </div>
        {error && (
          <Notice tone="error" testId="field-error">
            {error.message}
          </Notice>
        )}
        {read.loaded && !field && !error && <p className="muted">No staked posts brought in yet.</p>}
        {field && counts && (
          <>
            <p data-testid="field-summary">
              <strong>{field.fileName}</strong>: {counts.ok} OK, {counts.moved} moved, {counts.missing} not staked, {counts.extra} matching no post
              <span className="muted"> (OK within {field.report.tolerances.okFt} ft)</span>.
            </p>
            {field.warnings.map((w) => (
              <p key={w} className="muted">
                {w}
              </p>
            ))}
            {field.problems.length > 0 && (
              <Notice tone="warning" testId="field-problems" title="The layout as staked does not pass its checks:">
                <ul>
                  {field.problems.map((p, k) => (
                    <li key={k}>{p.message}</li>
                  ))}
                </ul>
              </Notice>
            )}
            {field.amends && (
              <Notice tone="info" testId="field-amends" title="The package was delivered.">
                Accepting makes amended certificates for {field.changedClaims.join(', ')}, referring to the original date of location, which does
                not change (a new date would be a relocation). Upload them like any package, then record and file them.
              </Notice>
            )}
            {accepted && (
              <Notice tone={accepted.regenerated ? 'info' : 'warning'} testId="field-accepted">
                {accepted.regenerated
                  ? 'The posts as staked are now the layout, and the package was made again from them. Upload it on the Upload step.'
                  : 'The posts as staked are now the layout; fix the problems above on the Layout step before the package is made again.'}
              </Notice>
            )}
            <div>
              <button type="button" className="button button--primary" data-testid="field-accept" disabled={!canAccept} onClick={() => void accept()}>
                {busy === 'accept' ? 'Accepting…' : 'Accept the posts as staked'}
              </button>
            </div>
            <FieldPostsTable field={field} />
          </>
        )}
      </div>
      <div className="step-split__map">
        <JobMap field={overlay} fitKey={`${job.id}:${job.crs.epsg}:field:${field?.importedAt ?? ''}`} />
      </div>
    </div>
  );
}
