/**
 * The currency each country's residents are paid and priced in (ISO 3166-1 alpha-2 → ISO 4217),
 * for purchasing-power parity: the World Bank's PPP factor of a country is in this currency
 * (local currency units per international dollar). Euro-area members map to EUR for every
 * year, as the World Bank writes their factors in euros, also for years before they joined
 * (Croatia's factors read 0.41–0.45, euros, not kuna). A country not listed has no known
 * currency here, and its residents' pay cannot be put at PPP.
 */
const EURO = 'AD AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MC ME MT NL PT SI SK SM VA XK'.split(' ');
const USD = 'AS EC GU MH PR SV TL VG VI US'.split(' ');

const OTHERS: Readonly<Record<string, string>> = {
	AE: 'AED',
	AM: 'AMD',
	AR: 'ARS',
	AU: 'AUD',
	BA: 'BAM',
	BD: 'BDT',
	BG: 'BGN',
	BM: 'BMD',
	BO: 'BOB',
	BR: 'BRL',
	CA: 'CAD',
	CF: 'XAF',
	CH: 'CHF',
	CL: 'CLP',
	CN: 'CNY',
	CO: 'COP',
	CR: 'CRC',
	CZ: 'CZK',
	DK: 'DKK',
	DO: 'DOP',
	DZ: 'DZD',
	EG: 'EGP',
	GB: 'GBP',
	GE: 'GEL',
	GH: 'GHS',
	HK: 'HKD',
	HN: 'HNL',
	HU: 'HUF',
	ID: 'IDR',
	IL: 'ILS',
	IN: 'INR',
	IQ: 'IQD',
	IR: 'IRR',
	IS: 'ISK',
	JE: 'GBP',
	JP: 'JPY',
	KE: 'KES',
	KR: 'KRW',
	KW: 'KWD',
	LB: 'LBP',
	LI: 'CHF',
	LK: 'LKR',
	MA: 'MAD',
	MD: 'MDL',
	MU: 'MUR',
	MX: 'MXN',
	MY: 'MYR',
	NG: 'NGN',
	NO: 'NOK',
	NZ: 'NZD',
	OM: 'OMR',
	PE: 'PEN',
	PH: 'PHP',
	PK: 'PKR',
	PL: 'PLN',
	QA: 'QAR',
	RO: 'RON',
	RS: 'RSD',
	RU: 'RUB',
	RW: 'RWF',
	SA: 'SAR',
	SE: 'SEK',
	SG: 'SGD',
	TH: 'THB',
	TN: 'TND',
	TR: 'TRY',
	TW: 'TWD',
	UA: 'UAH',
	UG: 'UGX',
	UY: 'UYU',
	UZ: 'UZS',
	VE: 'VES',
	VN: 'VND',
	ZA: 'ZAR'
};

const TABLE: ReadonlyMap<string, string> = new Map([
	...EURO.map((c) => [c, 'EUR'] as const),
	...USD.map((c) => [c, 'USD'] as const),
	...Object.entries(OTHERS)
]);

/** `currencyOf('DE') → 'EUR'`, `currencyOf('IN') → 'INR'`; null for a country without a known currency. */
export function currencyOf(country: string): string | null {
	return TABLE.get(country) ?? null;
}
