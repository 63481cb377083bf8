/** Special — being built. */
export function SpecialView({ date }: { date: string }) {
  return <h2>Special {date}</h2>;
}
