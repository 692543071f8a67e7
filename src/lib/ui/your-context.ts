/** What a page component needs to know when it renders a model computed from the user's file (`source=yours`). */
import type { By } from '$lib/views/summary-table';
import type { YourDownload } from '$lib/views/your-pages';

export interface YourContext {
	/** The file's name as the user chose it (shown as text only). */
	readonly fileName: string;
	/** The summary tables behind the page's Download CSV buttons, built in the browser. */
	readonly downloads: Partial<Record<By, YourDownload>>;
}
