/** Human labels for the data's codes. */
import type { CompanySize, EmploymentType, ExperienceLevel, RemoteRatio } from '$lib/data/types';
export { REGION_LABEL } from '$lib/data/countries';

export const SIZE_LABEL: Record<CompanySize, string> = {
	S: 'Small (< 50 staff)',
	M: 'Medium (50–250)',
	L: 'Large (> 250)'
};
export const EXP_LABEL: Record<ExperienceLevel, string> = {
	EN: 'Entry',
	MI: 'Mid',
	SE: 'Senior',
	EX: 'Executive'
};
export const TYPE_LABEL: Record<EmploymentType, string> = {
	FT: 'Full-time',
	PT: 'Part-time',
	CT: 'Contract',
	FL: 'Freelance'
};
export const REMOTE_LABEL: Record<RemoteRatio, string> = {
	0: 'On-site',
	50: 'Hybrid',
	100: 'Remote'
};
