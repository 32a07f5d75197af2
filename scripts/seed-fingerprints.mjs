#!/usr/bin/env node
// Fingerprints of the seed documents (../shared/seeds), so a test can tell whether a page
// repeats a run of 12 words from one without the seeds being present: CI runs on a clean
// clone where ../shared does not exist. The file holds hashes only, never seed text.
//   node scripts/seed-fingerprints.mjs [SEEDS_DIR]   rewrites tests/fixtures/seed-shingles.txt
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Run length that counts as copying (issue 12: "a run of 12 or more consecutive words"). */
export const SHINGLE_WORDS = 12;
/** Where the fingerprints live. */
export const FINGERPRINT_FILE = fileURLToPath(new URL('../tests/fixtures/seed-shingles.txt', import.meta.url));
/** Where the seeds are when the repository sits next to ../shared. */
export const DEFAULT_SEEDS_DIR = fileURLToPath(new URL('../../shared/seeds', import.meta.url));

/**
 * The words of a text as the comparison sees them: lower case, letters and digits (with
 * inner apostrophes), so punctuation, Markdown marks and line breaks never hide a copy.
 * @param {string} text
 * @returns {string[]}
 */
export function words(text) {
  return text.toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * Hash of one shingle: the first 16 hex digits of SHA-256 of its words joined by spaces.
 * @param {string[]} run
 */
export function shingleHash(run) {
  return createHash('sha256').update(run.join(' ')).digest('hex').slice(0, 16);
}

/**
 * Every 12-word run of `text`, hashed, with where it starts.
 * @param {string} text
 * @returns {{ hash: string, start: number, words: string[] }[]}
 */
export function shingles(text) {
  const w = words(text);
  const out = [];
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) {
    const run = w.slice(i, i + SHINGLE_WORDS);
    out.push({ hash: shingleHash(run), start: i, words: run });
  }
  return out;
}

/**
 * The sorted, de-duplicated shingle hashes of every `.txt` seed in `dir`.
 * @param {string} dir
 */
export function seedHashes(dir) {
  const hashes = new Set();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    for (const s of shingles(readFileSync(join(dir, file), 'utf8'))) hashes.add(s.hash);
  }
  return [...hashes].sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? DEFAULT_SEEDS_DIR;
  const hashes = seedHashes(dir);
  writeFileSync(FINGERPRINT_FILE, `# 12-word shingle hashes of the seed documents (scripts/seed-fingerprints.mjs); no seed text.\n${hashes.join('\n')}\n`);
  console.log(`${hashes.length} fingerprints written to ${FINGERPRINT_FILE}`);
}
