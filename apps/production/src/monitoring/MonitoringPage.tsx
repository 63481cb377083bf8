/** Monitorering — being built. */
export default function MonitoringPage() {
  return <h2>Monitorering</h2>;
}
