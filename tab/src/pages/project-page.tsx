export default function ProjectPage({ code }: { code: string; tab?: string }) {
  return <h1>{code}</h1>;
}
