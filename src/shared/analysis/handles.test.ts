import { describe, expect, it } from 'vitest';
import { handlePatternScore } from './handles';

describe('handlePatternScore', () => {
  it('scores name + long digit runs as generated', () => {
    // 8 trailing digits after a name: the digit signal is 1 on its own.
    expect(handlePatternScore('maria83472615')).toEqual({ score: 1, pattern: 'digits' });
    expect(handlePatternScore('ivan_petrov48213').score).toBeCloseTo(0.85, 3); // 5 digits
    // Four digits that are no year: glued to the name they count as generated, set off they are in between.
    expect(handlePatternScore('olegsokolov6094').score).toBeCloseTo(0.65, 3);
    expect(handlePatternScore('oleg_sokolov_6094').score).toBeCloseTo(0.5, 3);
    expect(handlePatternScore('olegsokolov1987').score).toBeCloseTo(0.2, 3);
  });

  it('scores random strings as generated', () => {
    // xk7hq2pz: 4 letter/digit alternations (0.9), no vowels in 6 letters (0.7), consonant run of 6 (0.4):
    // 1 − 0.1 × 0.3 × 0.6 = 0.982.
    expect(handlePatternScore('xk7hq2pz')).toEqual({ score: 0.982, pattern: 'random' });
  });

  it('leaves handles people choose low', () => {
    expect(handlePatternScore('john_smith')).toEqual({ score: 0, pattern: 'none' });
    expect(handlePatternScore('jimin_lover_97')).toEqual({ score: 0, pattern: 'none' });
    // A birth year is a human choice: 0.2.
    expect(handlePatternScore('maria_1985')).toEqual({ score: 0.2, pattern: 'digits' });
    expect(handlePatternScore(null)).toEqual({ score: 0, pattern: 'none' });
    expect(handlePatternScore('@Krzysztof').score).toBe(0);
  });
});
