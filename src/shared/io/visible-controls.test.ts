import { describe, expect, it } from 'vitest';
import { isolatePlain, showBidiControls } from './visible-controls';

describe('showBidiControls', () => {
  it('replaces the override that makes "invoice‮gnp.exe" read as a PNG with a visible marker', () => {
    expect(showBidiControls('invoice\u202Egnp.exe')).toBe('invoice⟨U+202E⟩gnp.exe');
  });

  it('marks every embedding, override, isolate and mark, and nothing else', () => {
    const controls = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c];
    for (const c of controls) {
      const hex = c.toString(16).toUpperCase().padStart(4, '0');
      expect(showBidiControls(`a${String.fromCharCode(c)}b`)).toBe(`a⟨U+${hex}⟩b`);
    }
    // Neighbours of the ranges, zero-width characters and right-to-left letters are text, not controls.
    const kept = '\u2029\u202F\u2065\u206A\u200D\u200B\uFEFF\u061B\u061D עברית العربية';
    expect(showBidiControls(kept)).toBe(kept);
  });

  it('returns strings without controls unchanged, the same string', () => {
    for (const s of ['', 'plain @name_123', '<img src=x onerror=alert(1)>', 'שלום', 'émoji 😀 ok']) {
      expect(showBidiControls(s)).toBe(s);
    }
  });

  it('keeps surrogate pairs whole around a marker', () => {
    const s = '😀\u202E𝒳\u2067🇺🇦\u2069';
    const out = showBidiControls(s);
    expect(out).toBe('😀⟨U+202E⟩𝒳⟨U+2067⟩🇺🇦⟨U+2069⟩');
    // No lone surrogate was produced: the string round-trips through UTF-8.
    expect(new TextDecoder().decode(new TextEncoder().encode(out))).toBe(out);
    expect(Array.from(out).filter((ch) => ch.length === 2)).toEqual(['😀', '𝒳', '🇺', '🇦']);
  });

  it('marks each of several controls in a row', () => {
    expect(showBidiControls('\u202E\u202E\u200F')).toBe('⟨U+202E⟩⟨U+202E⟩⟨U+200F⟩');
  });
});

describe('isolatePlain', () => {
  it('wraps the visible text in first-strong isolate … pop directional isolate', () => {
    expect(isolatePlain('a\u202Eb')).toBe('\u2068a⟨U+202E⟩b\u2069');
    // Its own isolate characters are the only controls left: the inner ones were made visible.
    expect(isolatePlain('\u2068x\u2069')).toBe('\u2068⟨U+2068⟩x⟨U+2069⟩\u2069');
  });
});
