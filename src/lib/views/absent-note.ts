/**
 * A page model's note on a dimension the whole file lacks (source=yours), else null; always
 * null on the built-in data. Its own module, with no imports: the pages' components call it
 * without loading the views that compute the models.
 */
export function absentNoteOf(
	model: { readonly absentDimensions: readonly { readonly dim: string; readonly note: string }[] },
	dim: string
): string | null {
	return model.absentDimensions.find((a) => a.dim === dim)?.note ?? null;
}
