/** Isotoper — being built. */
export default function IsotopesPage() {
  return <h2>Isotoper</h2>;
}
