import { describe, expect, it } from 'vitest';
import { yearChoices, yearsOf } from './options';

describe('yearsOf', () => {
	it('lists each work year once, ascending, and leaves the rows unchanged', () => {
		expect.hasAssertions();
		const rows = [{ workYear: 2026 }, { workYear: 2019 }, { workYear: 2026 }, { workYear: 2023 }];
		const before = structuredClone(rows);
		expect(yearsOf(rows)).toEqual([2019, 2023, 2026]);
		expect(rows).toEqual(before);
		expect(yearsOf([])).toEqual([]);
	});
});

describe('yearChoices', () => {
	it.each([
		[
			[2023, 2024],
			[null, null],
			[2023, 2024]
		],
		[
			[2023, 2024],
			[2021, null],
			[2021, 2023, 2024]
		],
		[
			[2023, 2024],
			[2023, 2030],
			[2023, 2024, 2030]
		],
		[[], [2020, 2020], [2020]],
		[
			[2020, 2021, 2022, 2023, 2024, 2025],
			[2022, 2024],
			[2020, 2021, 2022, 2023, 2024, 2025]
		]
	] as const)('%j with from/to %j → %j', (years, chosen, want) => {
		expect.hasAssertions();
		expect(yearChoices(years, ...chosen)).toEqual(want);
	});
});
