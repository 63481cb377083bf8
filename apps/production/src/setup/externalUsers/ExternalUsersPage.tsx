/** Externe Kunder — being built. */
export default function ExternalUsersPage() {
  return <h2>Externe Kunder</h2>;
}
