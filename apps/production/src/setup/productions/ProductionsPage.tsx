/** Produktioner — being built. */
export default function ProductionsPage() {
  return <h2>Produktioner</h2>;
}
