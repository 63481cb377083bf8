/** Admin — being built. */
export default function AdminPage() {
  return <h2>Admin</h2>;
}
