/** How the bench writes its figures. Pure. KB is 1,000 bytes, as browsers' developer tools count. */

const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

export const kb = (bytes: number | null | undefined, digits = 1) => (finite(bytes) ? `${(bytes / 1000).toFixed(digits)} KB` : '–');
export const mib = (bytes: number | null | undefined) => (finite(bytes) ? `${(bytes / 2 ** 20).toFixed(0)} MiB` : '–');
export const seconds = (s: number | null | undefined) => (finite(s) ? `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s` : '–');
export const ms = (n: number | null | undefined) => (finite(n) ? `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms` : '–');
export const times = (r: number | null | undefined) => (finite(r) ? `${r.toFixed(2)}×` : '–');
export const count = (n: number) => n.toLocaleString('en-GB');
