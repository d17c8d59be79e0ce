/**
 * The shipped scenarios, bundled into the studio from `/scenarios` at build time.
 */

/** A shipped scenario file. */
export interface GalleryEntry {
  file: string;
  text: string;
}

// Vite inlines every matching file as a string; a scenario added to the folder appears after a rebuild.
const modules = import.meta.glob<string>('../../../../scenarios/*.{yaml,yml,json}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Every shipped scenario, sorted by file name. */
export const GALLERY: readonly GalleryEntry[] = Object.entries(modules)
  .map(([path, text]) => ({ file: path.split('/').pop() ?? path, text }))
  .sort((a, b) => a.file.localeCompare(b.file));
