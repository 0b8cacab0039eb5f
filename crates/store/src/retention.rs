//! Which committed snapshots an image keeps as they age: a retention policy of tiers, each a
//! span of age and how far apart the snapshots kept in it are, such as every snapshot of the
//! last minute, one a minute for an hour, one an hour for a day (`1m:all,1h:1m,1d:1h`).
//!
//! A tier keeps, of the snapshots whose age falls in it, the oldest one of each interval of
//! its spacing (intervals aligned to the Unix epoch). Since the intervals of a coarser tier
//! are unions of a finer tier's, a snapshot kept as it ages out of one tier is the one the
//! next keeps, and what is kept does not shift as time passes. Snapshots older than the last
//! tier go. The newest two are always kept: a crash during the next commit falls back on
//! them.

use std::fmt;

use crate::format::SnapshotRecord;

/// Tiers a policy may have: they fit in the superblock's reserved bytes.
pub const MAX_TIERS: usize = 4;

/// A duration as the superblock holds it: a count (up to 16383) of one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    count: u16,
    /// 0 seconds, 1 minutes, 2 hours, 3 days.
    unit: u8,
}

const UNITS: [(char, u64); 4] = [('s', 1), ('m', 60), ('h', 3600), ('d', 86400)];

impl Span {
    fn ns(self) -> u64 {
        u64::from(self.count) * UNITS[self.unit as usize].1 * 1_000_000_000
    }

    fn parse(text: &str) -> Result<Span, String> {
        let unit_char = text.chars().last().ok_or("an empty duration")?;
        let unit = UNITS
            .iter()
            .position(|(c, _)| *c == unit_char)
            .ok_or_else(|| format!("`{text}`: say a number and s, m, h or d (10s, 5m, 1h, 7d)"))?;
        let count: u16 = text[..text.len() - 1]
            .parse()
            .ok()
            .filter(|&n| (1..=16383).contains(&n))
            .ok_or_else(|| format!("`{text}`: the number must be from 1 to 16383"))?;
        Ok(Span { count, unit: unit as u8 })
    }

    fn encode(self) -> u16 {
        self.count | u16::from(self.unit) << 14
    }

    fn decode(word: u16) -> Option<Span> {
        let count = word & 0x3FFF;
        (count != 0).then_some(Span { count, unit: (word >> 14) as u8 })
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.count, UNITS[self.unit as usize].0)
    }
}

/// One tier: snapshots up to `span` old, `every` apart (`None`: all of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Tier {
    span: Span,
    every: Option<Span>,
}

/// A retention policy; the empty one keeps the newest snapshots by count only.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Retention {
    tiers: Vec<Tier>,
}

impl Retention {
    /// `SPAN:EVERY,...` with tiers of growing span, EVERY a duration or `all`; `none` is the
    /// empty policy.
    pub fn parse(text: &str) -> Result<Retention, String> {
        if text == "none" {
            return Ok(Retention::default());
        }
        let mut tiers = Vec::new();
        for part in text.split(',') {
            let (span, every) = part
                .split_once(':')
                .ok_or_else(|| format!("`{part}`: a tier is SPAN:EVERY, such as 1h:1m or 1m:all"))?;
            let span = Span::parse(span)?;
            let every = if every == "all" { None } else { Some(Span::parse(every)?) };
            if let Some(e) = every {
                if e.ns() > span.ns() {
                    return Err(format!("`{part}`: the spacing is longer than the span"));
                }
            }
            if let Some(last) = tiers.last() {
                let last: &Tier = last;
                if span.ns() <= last.span.ns() {
                    return Err(format!("`{part}`: each tier must reach further back than the one before"));
                }
            }
            tiers.push(Tier { span, every });
        }
        if tiers.len() > MAX_TIERS {
            return Err(format!("at most {MAX_TIERS} tiers"));
        }
        Ok(Retention { tiers })
    }

    pub fn is_empty(&self) -> bool {
        self.tiers.is_empty()
    }

    /// The superblock's 16 reserved bytes: per tier, span then spacing (0: all), 2 bytes each.
    pub(crate) fn encode(&self) -> [u8; 16] {
        let mut out = [0u8; 16];
        for (k, tier) in self.tiers.iter().enumerate() {
            out[k * 4..k * 4 + 2].copy_from_slice(&tier.span.encode().to_le_bytes());
            out[k * 4 + 2..k * 4 + 4].copy_from_slice(&tier.every.map_or(0, Span::encode).to_le_bytes());
        }
        out
    }

    pub(crate) fn decode(bytes: &[u8]) -> Retention {
        let word = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
        let tiers = (0..MAX_TIERS)
            .map_while(|k| Span::decode(word(k * 4)).map(|span| Tier { span, every: Span::decode(word(k * 4 + 2)) }))
            .collect();
        Retention { tiers }
    }

    /// Which of `snapshots` (newest first) to keep at `now_ns`, at most `cap` of them: the
    /// newest two, then what the tiers keep, newest first until the cap. The empty policy
    /// keeps the newest `cap`.
    pub fn select(&self, snapshots: &[SnapshotRecord], now_ns: u64, cap: usize) -> Vec<bool> {
        let mut keep = vec![false; snapshots.len()];
        let mut kept = 0;
        for (i, s) in snapshots.iter().enumerate() {
            if kept >= cap.max(1) {
                break;
            }
            let wanted = i < 2 || self.is_empty() || self.tier_keeps(snapshots, i, now_ns.saturating_sub(s.time_ns));
            if wanted {
                keep[i] = true;
                kept += 1;
            }
        }
        keep
    }

    /// Whether the tier `age` falls in keeps snapshot `i`: all of them, or the oldest of its
    /// interval among the snapshots listed.
    fn tier_keeps(&self, snapshots: &[SnapshotRecord], i: usize, age: u64) -> bool {
        let Some(tier) = self.tiers.iter().find(|t| age <= t.span.ns()) else { return false };
        let Some(every) = tier.every else { return true };
        let interval = |s: &SnapshotRecord| s.time_ns / every.ns();
        // Newest first: an older snapshot in the same interval is further along the list.
        snapshots[i + 1..].iter().all(|older| interval(older) != interval(&snapshots[i]))
    }
}

impl fmt::Display for Retention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.tiers.is_empty() {
            return write!(f, "none");
        }
        for (k, tier) in self.tiers.iter().enumerate() {
            if k > 0 {
                write!(f, ",")?;
            }
            match tier.every {
                Some(every) => write!(f, "{}:{every}", tier.span)?,
                None => write!(f, "{}:all", tier.span)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::BlockRef;

    const S: u64 = 1_000_000_000;

    fn at(generation: u64, secs: u64) -> SnapshotRecord {
        SnapshotRecord {
            generation,
            root: BlockRef::ABSENT,
            time_ns: secs * S,
            pages: 0,
            written: 0,
            one_sync: false,
            pause_us: 0,
            write_us: 0,
        }
    }

    #[test]
    fn parses_prints_and_round_trips_through_the_superblock_bytes() {
        let policy = Retention::parse("1m:all,1h:1m,1d:1h").unwrap();
        assert_eq!(policy.to_string(), "1m:all,1h:1m,1d:1h");
        assert_eq!(Retention::decode(&policy.encode()), policy);
        assert_eq!(Retention::decode(&[0; 16]), Retention::default());
        assert!(Retention::parse("none").unwrap().is_empty());
        for bad in
            ["", "1m", "1x:all", "0s:all", "1h:2h", "1h:1m,1m:all", "1s:all,2s:all,3s:all,4s:all,5s:all", "99999s:all"]
        {
            assert!(Retention::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn keeps_all_recent_then_the_oldest_of_each_interval_then_nothing() {
        let policy = Retention::parse("10s:all,100s:30s").unwrap();
        // A snapshot every 5 s from t=0 to t=200 s, newest first; now is 200 s.
        let list: Vec<SnapshotRecord> = (0..=40).rev().map(|k| at(k, k * 5)).collect();
        let keep = policy.select(&list, 200 * S, 48);
        let kept: Vec<u64> = list.iter().zip(&keep).filter(|(_, &k)| k).map(|(s, _)| s.time_ns / S).collect();
        // 200, 195, 190 (up to 10 s old); then ages to 100 s, the oldest of each 30 s interval:
        // 180 (180-205), 150, 120 (120-145 reaches back to 100 s: its oldest, 120, is 80 s old).
        assert_eq!(kept, vec![200, 195, 190, 180, 150, 120]);
        // What was kept is kept again later: stable as time passes.
        let later: Vec<SnapshotRecord> = list.iter().zip(&keep).filter(|(_, &k)| k).map(|(s, _)| *s).collect();
        let again = policy.select(&later, 205 * S, 48);
        assert_eq!(again, vec![true, true, false, true, true, true]);
    }

    #[test]
    fn the_newest_two_stay_and_the_cap_drops_the_oldest() {
        let policy = Retention::parse("1s:all").unwrap();
        let list: Vec<SnapshotRecord> = (0..10).rev().map(|k| at(k, k * 100)).collect();
        assert_eq!(policy.select(&list, 10_000 * S, 48).iter().filter(|&&k| k).count(), 2);
        let all = Retention::parse("1d:all").unwrap();
        let keep = all.select(&list, 1000 * S, 4);
        assert_eq!(keep, vec![true, true, true, true, false, false, false, false, false, false]);
        assert_eq!(Retention::default().select(&list, 0, 3).iter().filter(|&&k| k).count(), 3);
    }
}
