import { staffWording } from '../../../../../shared/claims/verify-marks';
import type { StateRule } from '../../../../../shared/claims/state-rules';
import { selectObligations } from '../../../../../shared/documents/obligations/obligations';
import { deskDay } from '../../../../../shared/domain/calendar-date';

/** "within 90 days of the date of location (NRS 517.050)", from the obligations table the documents use. */
function recordingRule(rule: StateRule): string {
  const recording = selectObligations({
    stateCode: rule.code === 'DEFAULT' ? null : rule.code,
    landStatus: 'federal',
    claims: [{ name: '', kind: 'lode', areaAcres: 0 }],
    dateOfLocation: null,
    dateOfDiscovery: null,
    preparedOn: deskDay(new Date()),
    place: '',
  }).find((o) => o.category === 'recording');
  const due = recording?.due;
  if (!recording || !due || (due.kind !== 'within-days' && due.kind !== 'within-months')) return ' (deadline not on file)';
  const span = due.kind === 'within-days' ? `${due.days} days` : `${due.months} months`;
  return ` within ${span} of the date of ${due.from} (${staffWording(recording.citation)})`;
}

/** The rules that shape the monuments, in staff's words, with what is not confirmed against the statute said so in plain words. */
export function StateRuleSummary({ rule }: { rule: StateRule }) {
  const extra = [rule.sidelineCentres && 'side-line centre monuments', rule.endlineCentres && 'end-line centre monuments'].filter(Boolean);
  return (
    <section className="rule-summary" aria-label={`${rule.name} staking rules`} data-testid="state-rule-summary">
      <h4>{rule.name} rules</h4>
      <dl className="facts facts--wide">
        <dt>Location monument</dt>
        <dd>{rule.lm === 'corner' ? 'At a corner post (no separate discovery monument)' : 'On each lode claim’s centerline'}</dd>
        <dt>Other monuments</dt>
        <dd>{extra.length > 0 ? `Corners plus ${extra.join(' and ')}` : 'Corners only'}</dd>
        <dt>Corner numbering</dt>
        <dd>
          {rule.corner1Fixed
            ? `Fixed by law: Corner 1 = ${rule.corner1Fixed}, clockwise`
            : `Clockwise from a chosen Corner 1 (default ${rule.defaultCorner1})`}
        </dd>
        <dt>Recording</dt>
        <dd>
          {rule.certificateName} with the {rule.recordingOffice.toLowerCase()}
          {recordingRule(rule)}
        </dd>
      </dl>
      {rule.notes.length > 0 && (
        <ul className="rule-summary__notes">
          {rule.notes.map((note) => (
            <li key={note}>{staffWording(note)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
