// Stylesheets imported by the core are bundled as text (esbuild loader "text").
declare module '*.css' {
  const text: string;
  export default text;
}
