/** Lukke dage — being built. */
export default function ClosedDaysPage() {
  return <h2>Lukke dage</h2>;
}
