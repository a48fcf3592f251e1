/**
 * How machine-made a screen name looks, 0–1. Two families are common in inauthentic accounts:
 * - name + long digit run, the suggestion a platform offers when the name is taken or what a script appends
 *   ("maria83472615"); X's sign-up suggests name + 8 digits. Years ("maria_1985") and short suffixes ("_97") are
 *   what people choose themselves, so they score low.
 * - random strings ("xk7hq2pz"): letters and digits interleaved, almost no vowels, long consonant clusters.
 * Signals combine as a noisy-or, so one strong signal is enough and weak ones add up slowly.
 */

export interface HandleScore {
  score: number;
  /** Which pattern drove the score: 'digits' (name + digit run), 'random', or 'none'. */
  pattern: 'digits' | 'random' | 'none';
}

const VOWELS = new Set('aeiouy');

export function handlePatternScore(handle: string | null | undefined): HandleScore {
  if (!handle) return { score: 0, pattern: 'none' };
  const h = handle.toLowerCase().replace(/^@/, '');
  const trailing = /(\d+)$/.exec(h)?.[1] ?? '';
  const hasLettersBefore = /[a-z]/.test(h.slice(0, h.length - trailing.length));

  let digits = 0;
  if (hasLettersBefore) {
    const d = trailing.length;
    const yearLike = d === 4 && /^(19[5-9]\d|20[0-2]\d)$/.test(trailing);
    // Four digits that are no year, run straight onto the name ("olegsokolov6094"), are a script's suffix
    // more than a person's: people who add four digits add a year, and set them off ("oleg_6094": 0.5).
    const glued = /[a-z]$/.test(h.slice(0, h.length - d));
    if (d >= 6) digits = 1;
    else if (d === 5) digits = 0.85;
    else if (d === 4) digits = yearLike ? 0.2 : glued ? 0.65 : 0.5;
    else if (d === 3) digits = 0.2;
  }

  // Randomness of the rest: digit/letter alternations inside the name, vowel scarcity, consonant clusters.
  // Separators (_ . -) break consonant runs: "john_smith" is two words, not the cluster "hnsm".
  const body = h.slice(0, h.length - trailing.length);
  const compact = body.replace(/[^a-z0-9]/g, '');
  let transitions = 0;
  for (let i = 1; i < compact.length; i++) {
    if (isDigit(compact[i]) !== isDigit(compact[i - 1])) transitions++;
  }
  let letters = 0;
  let vowels = 0;
  let run = 0;
  let longestRun = 0;
  for (const c of body) {
    if (c >= 'a' && c <= 'z') {
      letters++;
      if (VOWELS.has(c)) {
        vowels++;
        run = 0;
      } else if (++run > longestRun) longestRun = run;
    } else if (!isDigit(c)) run = 0;
  }
  const vowelShare = letters === 0 ? 1 : vowels / letters;
  const alternation = transitions >= 4 ? 0.9 : transitions >= 2 ? 0.5 : 0;
  const noVowels = letters >= 5 && vowelShare < 0.15 ? 0.7 : letters >= 8 && vowelShare < 0.2 ? 0.3 : 0;
  const clusters = longestRun >= 5 ? 0.4 : longestRun === 4 ? 0.1 : 0;
  const random = 1 - (1 - alternation) * (1 - noVowels) * (1 - clusters);

  const score = Math.round((1 - (1 - digits) * (1 - random)) * 1000) / 1000;
  const pattern = score < 0.2 ? 'none' : digits >= random ? 'digits' : 'random';
  return { score, pattern };
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
