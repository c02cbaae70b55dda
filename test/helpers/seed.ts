// The PSG site's listing (test/fixtures/psg-site-listing.txt), copied from the site as it is,
// and what psg's text digest of the sample archive must be. They differ by one normalisation
// only: in the copy the first item starts at column 0 and the rest two spaces in, and the
// copy has no final newline; psg lays every item out the same (two spaces in) and ends its
// output with a newline. Every other byte is compared as it is.
import { readFileSync } from 'node:fs';

export const SITE_LISTING = readFileSync(new URL('../fixtures/psg-site-listing.txt', import.meta.url), 'utf8');

export const SEED = `  ${SITE_LISTING}\n`;
