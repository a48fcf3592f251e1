/**
 * Pages posing as people: Pages (the export says so: CrowdTangle's Pages, VK communities, a GraphQL Page)
 * whose names are a person's name, commenting as if they were profiles — the Youth Union network's 7,906
 * Pages. A Page named like a business, a club or a newspaper is a Page behaving as Pages do.
 */
import type { Dataset } from '../dataset';
import { insufficientWhen, pct, ramp, round, type Signal } from '../evidence-signal';
import type { Members } from '../evidence-timing';

/** Two or three capitalised words of letters (hyphens and apostrophes inside): "Leyla Mammadova", "Jean-Luc Roux". */
const PERSONAL_NAME = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)?(?: \p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)?){1,2}$/u;

/** Words that name an organisation, not a person, in the languages of the cases at hand and English. */
const ORGANISATION = new RegExp(
  '\\b(news|tv|radio|media|club|fc|shop|store|official|group|page|team|cafe|café|restaurant|hotel|bank|school|' +
    'university|city|party|ministry|agency|press|times|daily|post|fan|fans|league|sport|sports|center|centre|' +
    'foundation|union|association|company|studio|market|auto|beauty|salon|travel|online|info|xəbər|xeber|qazet)\\b',
  'iu',
);

export function looksLikePersonName(name: string | null): boolean {
  if (!name) return false;
  const n = name.trim();
  return PERSONAL_NAME.test(n) && !ORGANISATION.test(n);
}

export function pagesAsPeople(ds: Dataset, m: Members): Signal[] {
  const A = ds.accounts;
  return m.lists.map((list) => {
    const perMember = new Float32Array(list.length);
    let typed = 0;
    let pages = 0;
    let posing = 0;
    list.forEach((a, i) => {
      const type = A.accountType[a];
      if (type === null) return;
      typed++;
      if (type !== 'page') return;
      pages++;
      if (looksLikePersonName(A.displayName[a])) {
        posing++;
        perMember[i] = 1;
      }
    });
    const share = list.length ? posing / list.length : 0;
    const enough = typed >= 5;
    return {
      group: 'handles',
      perMember: enough ? perMember : new Float32Array(list.length),
      memberReason: (i) => `a Page named like a person ("${A.displayName[list[i]]}")`,
      evidence: {
        key: 'pages_as_people',
        label: 'Pages posing as people',
        value: round(share),
        unit: 'share',
        strength: enough ? round(ramp(share, 0.05, 0.3) * ramp(posing, 3, 10)) : 0,
        reason: enough
          ? `${posing} of ${list.length} members (${pct(share)}) are Pages with a person's name` +
            (pages > posing ? `; ${pages - posing} other Pages are named as organisations` : '') +
            ` (the export tells Pages from people for ${typed} members)`
          : `The export tells Pages from people for ${typed} of ${list.length} members: too few to judge`,
        ...insufficientWhen(!enough),
      },
    };
  });
}
