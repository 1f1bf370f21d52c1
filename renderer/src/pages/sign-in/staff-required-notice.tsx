import { useSessionStore } from '../../state/session.store';

/**
 * Shown instead of the queue when the account is not staff. Without it a customer account would see an empty
 * table and assume there is no work, which is worse than any error.
 */
export function StaffRequiredNotice() {
  const session = useSessionStore((state) => state.session);
  const signOut = useSessionStore((state) => state.signOut);
  const account = session?.username ?? session?.displayName ?? 'unknown';
  return (
    <section className="empty-state empty-state--error" role="alert" data-testid="staff-required">
      <h2>Staff access required</h2>
      <p>
        Staff access required — this account (<strong>{account}</strong>) is not a staff account; ask an administrator
        to grant staff access, or sign in with a staff account.
      </p>
      <button type="button" className="button" onClick={() => void signOut()} data-testid="staff-required-sign-out">
        Sign in with another account
      </button>
    </section>
  );
}
