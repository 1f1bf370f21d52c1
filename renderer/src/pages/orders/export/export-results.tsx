import { DOCUMENT_FILES } from '../../../../../shared/documents/package-files';
import { orderKeyString } from '../../../../../shared/domain/order.types';
import type { ExportResult } from '../../../../../shared/documents/package-info.types';
import { Chip } from '../../../widgets/chip';
import { plural } from '../../../lib/format';

const OUTCOME: Record<ExportResult['outcome'], { label: string; tone: 'green' | 'amber' | 'red' | 'grey' }> = {
  exported: { label: 'Exported', tone: 'green' },
  skipped: { label: 'Skipped', tone: 'amber' },
  failed: { label: 'Failed', tone: 'red' },
  cancelled: { label: 'Cancelled', tone: 'grey' },
};

/** The folder inside the export's output folder (named above the list), or the whole path when it is elsewhere. */
function shownFolder(folder: string, outDir: string | null): string {
  if (outDir && folder.startsWith(outDir) && folder.length > outDir.length + 1) return folder.slice(outDir.length + 1);
  return folder;
}

function ResultBody({ result, outDir }: { result: ExportResult; outDir: string | null }) {
  if (result.outcome === 'exported' && result.folder) {
    return (
      <>
        <span className="export-result__folder" title={result.folder} data-testid="export-result-folder" data-folder={result.folder}>
          <span className="muted">Folder</span> <span className="mono">{shownFolder(result.folder, outDir)}</span>
        </span>
        <span className="muted">{result.source === 'job' ? 'From its fulfilment job' : 'From the claims as drawn (no job yet)'}</span>
        {result.problems.length > 0 && (
          <details className="export-result__problems">
            <summary>{plural(result.problems.length, 'part')} left out</summary>
            <ul>
              {result.problems.map((problem, i) => (
                <li key={i}>
                  {DOCUMENT_FILES[problem.document].title}
                  {problem.claim ? ` · ${problem.claim}` : ''}: {problem.message}
                </li>
              ))}
            </ul>
          </details>
        )}
      </>
    );
  }
  if (result.reasons.length === 0) return <span className="muted">Stopped before it was made.</span>;
  // Reasons in full: staff act on them (fix the layout, ask for the claimant), so nothing is truncated.
  return (
    <ul className="export-result__reasons" data-testid="export-result-reasons">
      {result.reasons.map((reason, i) => (
        <li key={i}>{reason}</li>
      ))}
    </ul>
  );
}

/** One line per order: what happened to it and why. */
export function ExportResults({ results, outDir }: { results: ExportResult[]; outDir: string | null }) {
  if (results.length === 0) return null;
  return (
    <ol className="export-results" data-testid="export-results" aria-label="Export results">
      {results.map((result) => {
        const outcome = OUTCOME[result.outcome];
        return (
          <li
            key={orderKeyString({ orderType: result.orderType, id: result.orderId })}
            className={`export-result export-result--${result.outcome}`}
            data-testid="export-result"
            data-order-number={result.orderNumber}
            data-outcome={result.outcome}
          >
            <div className="export-result__head">
              <strong className="export-result__order">{result.orderNumber}</strong>
              <Chip tone={outcome.tone}>{outcome.label}</Chip>
            </div>
            <div className="export-result__body">
              <ResultBody result={result} outDir={outDir} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export function outcomeCounts(results: ExportResult[]): Record<ExportResult['outcome'], number> {
  const counts = { exported: 0, skipped: 0, failed: 0, cancelled: 0 };
  for (const result of results) counts[result.outcome] += 1;
  return counts;
}
