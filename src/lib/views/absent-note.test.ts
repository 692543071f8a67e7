import { describe, expect, it } from 'vitest';
import { absentNoteOf } from './absent-note';

describe('absentNoteOf', () => {
	const model = { absentDimensions: [{ dim: 'companySize', note: 'Your file has no company size.' }] };
	it('gives the note of a dimension the file lacks, and null for one it has', () => {
		expect(absentNoteOf(model, 'companySize')).toBe('Your file has no company size.');
		expect(absentNoteOf(model, 'region')).toBeNull();
		expect(absentNoteOf({ absentDimensions: [] }, 'companySize')).toBeNull();
	});
});
