export default function AdminPage(_: { section?: string }) {
  return <h1>Admin</h1>;
}
