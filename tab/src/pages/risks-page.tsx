export default function RisksPage(_: { project?: string }) {
  return <h1>Risks</h1>;
}
