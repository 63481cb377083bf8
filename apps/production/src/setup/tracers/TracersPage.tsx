/** Tracer — being built. */
export default function TracersPage() {
  return <h2>Tracer</h2>;
}
