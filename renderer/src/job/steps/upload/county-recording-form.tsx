import { useState } from 'react';
import { deskDay } from '../../../../../shared/domain/calendar-date';
import { parseUsd, usdText, type CountyRecording } from '../../../../../shared/filings/filing.types';
import { enterCountyRecording } from '../../../state/filings';
import { FilingFormShell, useEntrySave } from './filing-form-shell';

/**
 * What the county recorder (in Alaska, the district recorder) gave back: the day recorded, the office, the
 * instrument number or the book and page, and the fee paid. Main checks it against the package and answers a
 * refusal, or the entry with any warning (a late recording, with the statute).
 */
export function CountyRecordingForm({ jobId, office, earlier, onDone }: { jobId: number; office: string; earlier: CountyRecording | null; onDone: (warnings: string[]) => void }) {
  const [recordedOn, setRecordedOn] = useState(earlier?.recordedOn ?? deskDay(new Date()));
  const [where, setWhere] = useState(earlier?.office ?? office);
  const [instrument, setInstrument] = useState(earlier?.instrumentNumber ?? '');
  const [book, setBook] = useState(earlier?.book ?? '');
  const [page, setPage] = useState(earlier?.page ?? '');
  const [fee, setFee] = useState(earlier ? usdText(earlier.feePaidCents) : '');
  const { error, saving, save, refuse } = useEntrySave(onDone);

  const submit = () => {
    const feePaidCents = parseUsd(fee);
    if (feePaidCents === null) return refuse('Enter the fee paid in dollars, e.g. 15.00.');
    const text = (value: string) => (value.trim() === '' ? null : value.trim());
    void save(() => enterCountyRecording({ jobId, recordedOn, office: where, instrumentNumber: text(instrument), book: text(book), page: text(page), feePaidCents }));
  };

  return (
    <FilingFormShell name="recording" saveLabel={earlier ? 'Save the correction' : 'Save the recording'} error={error} saving={saving} onSubmit={submit}>
      <label>
        Recorded on
        <input type="date" required value={recordedOn} onChange={(e) => setRecordedOn(e.target.value)} data-testid="recording-date" />
      </label>
      <label>
        County or recording district
        <input type="text" required maxLength={120} value={where} onChange={(e) => setWhere(e.target.value)} data-testid="recording-office" />
      </label>
      <label>
        Instrument number
        <input type="text" maxLength={60} value={instrument} onChange={(e) => setInstrument(e.target.value)} data-testid="recording-instrument" />
      </label>
      <span className="muted filing-form__or">or</span>
      <label>
        Book
        <input type="text" maxLength={60} value={book} onChange={(e) => setBook(e.target.value)} data-testid="recording-book" />
      </label>
      <label>
        Page
        <input type="text" maxLength={60} value={page} onChange={(e) => setPage(e.target.value)} data-testid="recording-page" />
      </label>
      <label>
        Fee paid ($)
        <input type="text" inputMode="decimal" required value={fee} onChange={(e) => setFee(e.target.value)} data-testid="recording-fee" />
      </label>
    </FilingFormShell>
  );
}
