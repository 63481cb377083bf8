/** Deadlines — being built. */
export default function DeadlinesPage() {
  return <h2>Deadlines</h2>;
}
