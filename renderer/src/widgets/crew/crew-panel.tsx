/**
 * The crew panel of a staking-service order (order details and the job's Field step): awaiting crew or crew
 * assigned, the interests this desk may see with each offer, and what the signed-in person may do: a crew member
 * registers (or revises) an interest or withdraws it, a manager or admin assigns one with a reason the other crews
 * are told. Decisions on their way to the server are listed under the interests. Every refusal is main's sentence.
 */
import { useId, useState, type FormEvent } from 'react';
import { CREW_STATE_LABELS, type CrewInterestView, type OrderCrew } from '../../../../shared/crews/crew.types';
import type { OrderKey } from '../../../../shared/domain/order.types';
import { formatUsd } from '../../../../shared/documents/fees/fees';
import { parseUsd } from '../../../../shared/filings/filing.types';
import { formatCalendarDate, formatDateTime } from '../../lib/format';
import { assignCrew, registerInterest, useOrderCrew, withdrawInterest, type CrewAnswer } from '../../state/crews';
import { Chip } from '../chip';
import { Notice } from '../notice';
import '../../styles/crew.css';

const STATUS_LABELS: Record<CrewInterestView['status'], string> = { active: 'Active', withdrawn: 'Withdrawn', assigned: 'Assigned', rejected: 'Not chosen', expired: 'Expired' };
const STATUS_TONES = { active: 'blue', withdrawn: 'grey', assigned: 'green', rejected: 'grey', expired: 'amber' } as const;

function InterestForm({ crew, onAnswer }: { crew: OrderCrew; onAnswer: (answer: CrewAnswer) => void }) {
  const id = useId();
  const [cost, setCost] = useState('');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const cents = parseUsd(cost);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (cents === null) return;
    setBusy(true);
    onAnswer(await registerInterest({ order: crew.order, proposedCostCents: cents, earliestDate: date, note }));
    setBusy(false);
  };
  return (
    <form className="crew-form" onSubmit={(event) => void submit(event)} data-testid="crew-interest-form">
      <label htmlFor={`${id}-cost`}>Your price (US dollars)</label>
      <input id={`${id}-cost`} inputMode="decimal" value={cost} onChange={(e) => setCost(e.target.value)} placeholder="2,400.00" aria-invalid={cost !== '' && cents === null} />
      <label htmlFor={`${id}-date`}>Earliest day on the ground</label>
      <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      <label htmlFor={`${id}-note`}>Note for the manager</label>
      <textarea id={`${id}-note`} value={note} maxLength={1000} rows={2} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="button button--primary" disabled={busy || cents === null || date === ''}>
        Register interest
      </button>
    </form>
  );
}

function AssignForm({ crew, choice, onAnswer }: { crew: OrderCrew; choice: CrewInterestView; onAnswer: (answer: CrewAnswer) => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const others = crew.interests.filter((i) => i.status === 'active' && i.crew !== choice.crew).length;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    onAnswer(await assignCrew({ order: crew.order, crew: choice.crew, reason }));
    setBusy(false);
  };
  return (
    <form className="crew-form crew-form--assign" onSubmit={(event) => void submit(event)} data-testid="crew-assign-form">
      <label htmlFor={`${id}-reason`}>
        Why {choice.crewName}? {others > 0 ? `The other ${others === 1 ? 'crew is' : `${others} crews are`} told this reason.` : ''}
      </label>
      <input id={`${id}-reason`} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="button button--primary" disabled={busy || reason.trim().length < 3}>
        Assign {choice.crewName}
      </button>
    </form>
  );
}

function InterestItem({ interest, canAssign, onAssign }: { interest: CrewInterestView; canAssign: boolean; onAssign: () => void }) {
  return (
    <li className="crew-interest" data-testid="crew-interest" data-crew={interest.crew} data-status={interest.status}>
      <div className="crew-interest__head">
        <strong>{interest.crewName}</strong>
        <Chip tone={STATUS_TONES[interest.status]}>{STATUS_LABELS[interest.status]}</Chip>
        {canAssign && interest.status === 'active' && (
          <button type="button" className="button crew-interest__assign" onClick={onAssign} data-testid="crew-choose">
            Assign…
          </button>
        )}
      </div>
      <div>
        <span className="mono">{formatUsd(interest.proposedCostCents)}</span> · on the ground from {formatCalendarDate(interest.earliestDate)}
        {interest.status === 'active' && <span className="muted"> · open until {formatDateTime(interest.expiresAt)}</span>}
      </div>
      {interest.note && <div className="muted crew-note">“{interest.note}”</div>}
      {interest.reason && <div className="crew-note">{interest.reason}</div>}
    </li>
  );
}

export function CrewPanel({ order }: { order: OrderKey }) {
  const { crew, error } = useOrderCrew(order);
  const [answer, setAnswer] = useState<CrewAnswer | null>(null);
  const [choosing, setChoosing] = useState<string | null>(null);
  if (error) return <Notice tone="error" title="The crew could not be read.">{error.message}</Notice>;
  if (!crew || !crew.stakingService) return null;
  const onAnswer = (next: CrewAnswer) => {
    setAnswer(next);
    if (next.ok) setChoosing(null);
  };
  const choice = crew.interests.find((i) => i.crew === choosing && i.status === 'active');
  const where = [crew.county ? `${crew.county} County` : null, crew.state].filter(Boolean).join(', ');
  return (
    <section className="details__section crew-panel" data-testid="crew-panel" data-crew-state={crew.crewState ?? 'none'}>
      <h3>Field crew</h3>
      {crew.unsupported ? (
        <p className="muted" data-testid="crew-unsupported">{crew.unsupported}</p>
      ) : (
        <>
          <div className="crew-panel__status">
            <Chip tone={crew.crewState === 'crew_assigned' ? 'green' : 'amber'} testId="crew-state">
              {crew.crewState ? CREW_STATE_LABELS[crew.crewState] : 'No crew'}
            </Chip>
            {crew.assignedCrew && <span data-testid="crew-assigned">{crew.interests.find((i) => i.crew === crew.assignedCrew)?.crewName ?? crew.assignedCrew}</span>}
            {where && <span className="muted">{where}</span>}
          </div>
          {crew.interests.length === 0 ? (
            <p className="muted">{crew.refreshedAt ? 'No crew has registered interest yet.' : 'Crews are read from the server at the next sync.'}</p>
          ) : (
            <ul className="crew-interests">
              {crew.interests.map((interest) => (
                <InterestItem key={interest.serverId} interest={interest} canAssign={crew.canAssign.ok} onAssign={() => setChoosing(interest.crew)} />
              ))}
            </ul>
          )}
          {choice && <AssignForm crew={crew} choice={choice} onAnswer={onAnswer} />}
          {crew.pending.length > 0 && (
            <ul className="crew-pending" data-testid="crew-pending">
              {crew.pending.map((p) => (
                <li key={p.entryId}>
                  {p.summary}: {p.state === 'queued' || p.state === 'retry' || p.state === 'sending' ? 'waiting to be sent' : (p.lastError ?? p.state)}
                </li>
              ))}
            </ul>
          )}
          {crew.canRegister.ok && <InterestForm crew={crew} onAnswer={onAnswer} />}
          {crew.canWithdraw.ok && (
            <button type="button" className="button" data-testid="crew-withdraw" onClick={() => void withdrawInterest(crew.order).then(onAnswer)}>
              Withdraw my interest
            </button>
          )}
          {crew.role === 'crew' && !crew.canRegister.ok && !crew.canWithdraw.ok && crew.canRegister.why && <p className="muted">{crew.canRegister.why}</p>}
        </>
      )}
      {answer && !answer.ok && (
        <Notice tone="error" live="assertive" testId="crew-refused">
          {answer.error.message}
        </Notice>
      )}
    </section>
  );
}
