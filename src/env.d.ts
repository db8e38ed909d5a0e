declare module 'virtual:site/settings' {
  /** The build's settings that pages need (src/integrations/content-index.ts). */
  const settings: { site: string; base: string; cacheDir: string };
  export default settings;
}
