/**
 * A small troll shift for evidence tests: six name+digit accounts created on consecutive days, each posting 25
 * templated texts from one client on weekdays between 06:00 and 14:00 UTC (a 09:00–18:00 shift at UTC+3).
 */
import type { AccountRecord, PostRecord } from '../model/records';

/** Monday 1 January 2024, 00:00 UTC. */
export const SHIFT_BASE = Date.UTC(2024, 0, 1) / 1000;

export function trollShift(firstCreatedAt: number): { accounts: AccountRecord[]; posts: PostRecord[] } {
  const accounts: AccountRecord[] = [];
  const posts: PostRecord[] = [];
  const fills = ['hospital', 'school', 'bridge', 'road', 'park', 'library'];
  for (let i = 0; i < 6; i++) {
    accounts.push({
      platform: 'twitter',
      id: 't' + i,
      screenName: `olga${48213370 + i * 7}`,
      createdAt: firstCreatedAt + i * 86400,
    });
    for (let d = 0; d < 5; d++) {
      for (let h = 0; h < 5; h++) {
        posts.push({
          platform: 'twitter',
          id: `t${i}-${d}-${h}`,
          authorId: 't' + i,
          time: SHIFT_BASE + d * 86400 + (6 + h * 2) * 3600 + i * 60,
          kind: 'original',
          client: 'Twitter Web App',
          text: `Thank you to our great minister for the new ${fills[(i + h) % 6]} in our beautiful city this week`,
        });
      }
    }
  }
  return { accounts, posts };
}
