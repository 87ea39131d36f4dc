export default function ConfigPage() {
  return <h1>Config</h1>;
}
