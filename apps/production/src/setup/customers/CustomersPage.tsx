/** Levering og Kunder — being built. */
export default function CustomersPage() {
  return <h2>Levering og Kunder</h2>;
}
