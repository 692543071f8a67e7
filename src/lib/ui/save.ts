/** Save text the page built as a file download (a blob URL: nothing leaves the browser). */
export function saveText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file's name without its extension, for download names: `salaries.2024.csv` → `salaries.2024`. */
export function baseName(name: string): string {
	return name.replace(/\.[^.]*$/, '') || 'file';
}
