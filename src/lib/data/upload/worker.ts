/**
 * The upload parser's Web Worker, at the path state/your-data.svelte.ts starts it from. The worker
 * itself is workers/upload.ts (glue: it gives the parser the money tables, which are transform's);
 * layers.ts counts this module with lib/workers. Once state starts workers/upload.ts, this file goes.
 */
import '../../workers/upload';
