/** Printer — being built. */
export default function PrintersPage() {
  return <h2>Printer</h2>;
}
