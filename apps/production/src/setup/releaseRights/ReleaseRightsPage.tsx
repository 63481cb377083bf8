/** Frigivelse rettigheder — being built. */
export default function ReleaseRightsPage() {
  return <h2>Frigivelse rettigheder</h2>;
}
