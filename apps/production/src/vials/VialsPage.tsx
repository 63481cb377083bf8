/** Hætteglas — being built. */
export default function VialsPage() {
  return <h2>Hætteglas</h2>;
}
