import { useState } from 'react';
import { deskDay } from '../../../../../shared/domain/calendar-date';
import { parseUsd, usdText, type BlmFilingEntry, type JobFilings } from '../../../../../shared/filings/filing.types';
import { enterBlmFiling } from '../../../state/filings';
import { FilingFormShell, useEntrySave } from './filing-form-shell';

type RecordedPackage = NonNullable<JobFilings['recordedPackage']>;

/**
 * The BLM filing as MLRS (or the state office) has it: the day filed, the serial number of each claim, the date of
 * location and claimants the filing names (as recorded, unless BLM's record says otherwise: main compares them
 * with the recorded package and refuses a mismatch), and the fees paid.
 */
export function BlmFilingForm({ jobId, pkg, earlier, onDone }: { jobId: number; pkg: RecordedPackage; earlier: BlmFilingEntry | null; onDone: (warnings: string[]) => void }) {
  const serialOf = new Map(earlier?.serials.map((s) => [s.claimName, s.serial]));
  const [filedOn, setFiledOn] = useState(earlier?.filedOn ?? deskDay(new Date()));
  const [claims, setClaims] = useState(pkg.claimNames.map((name) => ({ name, serial: serialOf.get(name) ?? '' })));
  const [dateOfLocation, setDateOfLocation] = useState(pkg.dateOfLocation);
  const [claimants, setClaimants] = useState(pkg.claimants.join('\n'));
  const [fees, setFees] = useState(earlier ? usdText(earlier.feesPaidCents) : pkg.blmFeesDueCents !== null ? usdText(pkg.blmFeesDueCents) : '');
  const { error, saving, save, refuse } = useEntrySave(onDone);

  const submit = () => {
    const feesPaidCents = parseUsd(fees);
    if (feesPaidCents === null) return refuse('Enter the fees paid in dollars, e.g. 1644.00.');
    const names = claimants.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    void save(() => enterBlmFiling({ jobId, filedOn, claims, dateOfLocation, claimants: names, feesPaidCents }));
  };

  return (
    <FilingFormShell name="blm" saveLabel={earlier ? 'Save the correction' : 'Save the BLM filing'} error={error} saving={saving} onSubmit={submit}>
      <label>
        Filed with BLM on
        <input type="date" required value={filedOn} onChange={(e) => setFiledOn(e.target.value)} data-testid="blm-date" />
      </label>
      <table className="jobs-table filing-form__serials">
        <thead>
          <tr>
            <th scope="col">Claim as filed</th>
            <th scope="col">MLRS serial number</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((claim, k) => (
            <tr key={k} data-testid="blm-claim">
              <td>
                <input type="text" aria-label={`Claim ${k + 1} as filed`} value={claim.name} onChange={(e) => setClaims(claims.map((c, i) => (i === k ? { ...c, name: e.target.value } : c)))} data-testid="blm-claim-name" />
              </td>
              <td>
                <input type="text" aria-label={`Serial number of ${claim.name}`} maxLength={40} value={claim.serial} onChange={(e) => setClaims(claims.map((c, i) => (i === k ? { ...c, serial: e.target.value } : c)))} data-testid="blm-serial" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        Date of location on the filing
        <input type="date" required value={dateOfLocation} onChange={(e) => setDateOfLocation(e.target.value)} data-testid="blm-date-of-location" />
      </label>
      <label>
        Claimants on the filing (one a line)
        <textarea rows={Math.max(2, pkg.claimants.length)} value={claimants} onChange={(e) => setClaimants(e.target.value)} data-testid="blm-claimants" />
      </label>
      <label>
        Fees paid ($)
        <input type="text" inputMode="decimal" required value={fees} onChange={(e) => setFees(e.target.value)} data-testid="blm-fees" />
      </label>
    </FilingFormShell>
  );
}
