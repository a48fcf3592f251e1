/**
 * X/Twitter snowflake ids (since Nov 2010) carry their creation time: (id >> 22) + 1288834974657 ms.
 * IO archives give tweet_time only to the minute; the id gives the second. Ids are strings (they overflow
 * 2^53), so the shift uses BigInt.
 */
const TWEPOCH_MS = 1288834974657n;
/** First snowflake id (2010-11-04); smaller ids are sequential and carry no time. */
const FIRST_SNOWFLAKE = 29700859247n;

export function snowflakeTimeMs(id: string): number | undefined {
  if (!/^\d{1,20}$/.test(id)) return undefined;
  const n = BigInt(id);
  if (n < FIRST_SNOWFLAKE || n > 0xffffffffffffffffn) return undefined;
  return Number((n >> 22n) + TWEPOCH_MS);
}

/**
 * The exact time (Unix seconds) for a post whose source time has minute precision: the snowflake time when
 * it falls inside that minute (so the id is trustworthy), else the minute as given.
 */
export function refineMinuteWithSnowflake(id: string, minuteTime: number): number {
  const ms = snowflakeTimeMs(id);
  if (ms === undefined) return minuteTime;
  const seconds = Math.floor(ms / 1000);
  return seconds >= minuteTime && seconds < minuteTime + 60 ? seconds : minuteTime;
}
