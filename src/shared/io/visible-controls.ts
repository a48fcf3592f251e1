/**
 * Bidirectional-text controls made visible. Imported text is hostile: a screen name holding U+202E
 * RIGHT-TO-LEFT OVERRIDE makes everything after it read backwards ("invoice‮gnp.exe" shows as
 * "invoiceexe.png"), and the isolates and marks reorder neighbouring text more quietly. Where Claque *shows*
 * imported text, each such character is replaced by a visible marker like ⟨U+202E⟩, so it cannot reorder
 * anything and the reader sees it is there. Exports (CSV, GEXF) keep the data byte for byte and never use this.
 */

/**
 * The characters that change the order text is drawn in: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069), the left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F, U+061C).
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** `s` with every bidi control replaced by a visible ⟨U+XXXX⟩ marker; strings without one come back as they are. */
export function showBidiControls(s: string): string {
  return s.replace(BIDI_CONTROLS, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/**
 * For plain-text places that cannot hold an isolating element (tooltips, canvas labels, `<option>`s):
 * the controls made visible, wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so right-to-left
 * letters in the string cannot pull the text around it either.
 */
export function isolatePlain(s: string): string {
  return `\u2068${showBidiControls(s)}\u2069`;
}
