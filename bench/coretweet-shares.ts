/**
 * Seeded share table for the co-retweet benchmark, shaped like a retweet collection rather than uniform noise:
 *   - object (retweeted post) popularity is Zipf-like, P(rank r) ∝ r^-0.8, so a few posts get 10^4–10^5
 *     retweets and most get a handful (over 1M objects the top one takes ~1.3 % of all shares);
 *   - account activity is heavy-tailed too (a few accounts retweet thousands of times, most a few);
 *   - each post appears at a uniform time in 30 days and its retweets follow a log-normal delay (median 1 h,
 *     σ = 1.6: a burst in the first minutes, a tail over days), as retweet-delay studies describe;
 *   - 10 % of the shares come from 500 coordinated rings of 40 accounts, each pushing 50 posts with all of
 *     its members within 60 s of the post — the co-retweet pattern the projection exists to find.
 * Same seed and count → the same table.
 */
import type { ShareTable } from '../src/shared/analysis/coaction-shares';
import { createRng } from '../src/shared/graph/rng';

export interface CoretweetSharesOptions {
  accounts?: number;
  objects?: number;
  seed?: number;
}

export function coretweetShares(count: number, options: CoretweetSharesOptions = {}): ShareTable {
  const accounts = options.accounts ?? 1_000_000;
  const objects = options.objects ?? 1_000_000;
  const rng = createRng(options.seed ?? 7);
  const days30 = 30 * 86_400;
  const postTime = new Float64Array(objects);
  for (let o = 0; o < objects; o++) postTime[o] = 1_700_000_000 + Math.floor(rng() * days30);
  const shares: ShareTable = {
    count,
    objectCount: objects,
    object: new Int32Array(count),
    account: new Int32Array(count),
    time: new Float64Array(count),
    post: new Int32Array(count),
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  // Zipf(0.8) over ranks 1 … N by inverting the continuous CDF ∝ r^0.2 − 1; accounts (density ∝ a^-0.6)
  // the same way, ring accounts excluded.
  const zipf = (n: number, s: number) => {
    const top = (n + 1) ** (1 - s) - 1;
    return Math.min(n - 1, Math.floor((rng() * top + 1) ** (1 / (1 - s))) - 1);
  };
  const ringShares = Math.floor(count * 0.1);
  const rings = 500;
  const ringSize = 40;
  const perRing = 50;
  let i = 0;
  // Coordinated rings: ring r owns accounts in a block at the far (inactive) end of the account range.
  for (let r = 0; r < rings && i < ringShares; r++) {
    const firstAccount = accounts - (r + 1) * ringSize;
    for (let k = 0; k < perRing && i < ringShares; k++) {
      const o = Math.floor(rng() * objects);
      const t0 = postTime[o] + Math.floor(rng() * 300);
      for (let m = 0; m < ringSize && i < ringShares; m++, i++) {
        shares.object[i] = o;
        shares.account[i] = firstAccount + m;
        shares.time[i] = t0 + Math.floor(rng() * 60);
      }
    }
  }
  for (; i < count; i++) {
    const o = zipf(objects, 0.8);
    shares.object[i] = o;
    shares.account[i] = zipf(accounts - rings * ringSize, 0.6);
    shares.time[i] = postTime[o] + Math.floor(Math.exp(Math.log(3600) + 1.6 * normal()));
  }
  for (let k = 0; k < count; k++) shares.post[k] = k;
  return shares;
}
