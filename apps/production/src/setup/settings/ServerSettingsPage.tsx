/** Server — being built. */
export default function ServerSettingsPage() {
  return <h2>Server</h2>;
}
