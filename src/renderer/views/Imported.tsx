import { showBidiControls } from '../../shared/io/visible-controls';

/**
 * Text that came from imported data (names, ids, post texts, hashtags, reasons that quote them). Hostile by
 * assumption: React already renders it as text; here it is also isolated (`<bdi>`), so right-to-left letters
 * cannot pull the surrounding UI around, and its bidi controls are shown as visible markers (⟨U+202E⟩), so a
 * RIGHT-TO-LEFT OVERRIDE in a screen name reorders nothing.
 */
export function Imported({ text, className }: { text: string | null | undefined; className?: string }) {
  return <bdi className={className}>{showBidiControls(text ?? '')}</bdi>;
}

/** "@name" when there is a screen name, else the account id; both imported. */
export function AccountName({ screenName, accountId }: { screenName: string | null | undefined; accountId: string }) {
  return <Imported text={screenName ? `@${screenName}` : accountId} />;
}
