/**
 * Where the production server listens, read from PORT and HOST once and checked before
 * anything else runs: a bad value is one line naming the variable and what it accepts
 * (server/index.js prints it and exits 1; `npm start` says it before building), never a
 * RangeError from `listen` with a stack trace. Plain JavaScript (typed with JSDoc) so that
 * both server/index.js and scripts/start.ts use it.
 */

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '0.0.0.0';
const MAX_PORT = 65535;

/** A value as it may be quoted in a one-line message: short, no control characters. */
function shown(/** @type {string} */ value) {
	const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
	// JSON.stringify escapes C0 controls; C1 and the line separators are escaped here.
	return JSON.stringify(cut).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * PORT and HOST from an environment: unset means the default (3000, 0.0.0.0); a set value
 * must be a whole number from 0 to 65535 (0 = any free port) and a non-empty host name or
 * address without spaces.
 * `listenAddress({ PORT: '8080' })` → `{ ok: true, port: 8080, host: '0.0.0.0' }`;
 * `listenAddress({ PORT: 'abc' })` → `{ ok: false, message: 'PORT="abc" is not a port number; …' }`.
 * @param {Record<string, string | undefined>} env
 * @returns {{ ok: true, port: number, host: string } | { ok: false, message: string }}
 */
export function listenAddress(env) {
	const rawPort = env.PORT;
	let port = DEFAULT_PORT;
	if (rawPort !== undefined) {
		// Digits only: no sign, fraction, exponent, hex or spaces, which Number() would accept.
		port = /^[0-9]{1,5}$/.test(rawPort) ? Number(rawPort) : NaN;
		if (!(port <= MAX_PORT))
			return {
				ok: false,
				message: `PORT=${shown(rawPort)} is not a port number; use a whole number from 0 to ${MAX_PORT} (0 = any free port), or leave PORT unset for ${DEFAULT_PORT}.`
			};
	}
	const host = env.HOST ?? DEFAULT_HOST;
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	if (!/^[^\s\u0000-\u001f\u007f]{1,253}$/.test(host))
		return {
			ok: false,
			message: `HOST=${shown(host)} is not a host name or address; use e.g. HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every interface), or leave HOST unset for ${DEFAULT_HOST}.`
		};
	return { ok: true, port, host };
}
