// Issue 12: the handbook takes facts from the seed write-ups, never their sentences. A page
// fails when it shares a run of 12 consecutive words with any seed. The seeds are outside
// the repository (../shared/seeds), so the test reads their hashed 12-word shingles from
// tests/fixtures/seed-shingles.txt (scripts/seed-fingerprints.mjs writes it); when the seeds
// are present, it also checks that file is current.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS_DIR, FINGERPRINT_FILE, seedHashes, shingles } from '../../../scripts/seed-fingerprints.mjs';
import { docPages, filesUnder, readSource, withoutFences } from './site-files';

const fingerprints = new Set(
  readFileSync(FINGERPRINT_FILE, 'utf8')
    .split('\n')
    .filter((l) => /^[0-9a-f]{16}$/.test(l)),
);

/** Pages and the files whose words reach pages: prose only (commands in code blocks may repeat a seed's). */
const sources = [
  ...docPages(),
  ...filesUnder('src/pages', /\.(astro|ts)$/),
  ...filesUnder('src/content/labs', /\.ya?ml$/),
  'src/simulator/exporters/threat-model.ts',
];

describe('no page repeats 12 consecutive words of a seed', () => {
  it('has fingerprints to compare against', () => {
    expect(fingerprints.size).toBeGreaterThan(1000);
  });

  it.runIf(existsSync(DEFAULT_SEEDS_DIR))('the fingerprint file matches the seeds in ../shared/seeds', () => {
    expect(seedHashes(DEFAULT_SEEDS_DIR)).toEqual([...fingerprints].sort());
  });

  it.runIf(existsSync(DEFAULT_SEEDS_DIR))('catches a run taken from a seed, whatever its punctuation and case', () => {
    const seed = readFileSync(`${DEFAULT_SEEDS_DIR}/002_9db809e468d59a27.txt`, 'utf8');
    const run = seed.split(/\s+/).filter(Boolean).slice(40, 56).join('  ').toUpperCase();
    expect(shingles(`Intro. ${run} end`).some((s) => fingerprints.has(s.hash))).toBe(true);
  });

  it('finds a copied run through punctuation and case changes, with or without the seeds here', () => {
    // The same hashing the fingerprint file was made with, on a made-up "seed".
    const made = new Set(shingles('the quick brown fox jumps over the lazy dog while twelve words are counted here').map((s) => s.hash));
    expect(shingles('Intro: The QUICK, brown fox jumps over the lazy dog -- while twelve words are counted. End').some((s) => made.has(s.hash))).toBe(true);
    expect(shingles('the quick brown fox jumps over the lazy cat while twelve words are counted here').some((s) => made.has(s.hash))).toBe(false);
  });

  for (const file of sources) {
    it(file, () => {
      const copied = shingles(withoutFences(readSource(file)))
        .filter((s) => fingerprints.has(s.hash))
        .map((s) => s.words.join(' '));
      expect(copied, `${file} repeats these 12-word runs of a seed; rewrite them in your own words`).toEqual([]);
    });
  }
});
