//! Offline inspection of an image: listing its snapshots and checking every checksum.

use crate::device::BlockDevice;
use crate::format::{tree_height, SnapshotRecord};
use crate::store::{read_slots, verify_tree};

/// What `check_image` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// One line per finding, damaged or not.
    pub lines: Vec<String>,
    /// Whether anything is damaged.
    pub damaged: bool,
    /// Snapshots that passed every check, newest first.
    pub good: Vec<u64>,
}

/// The retained snapshots, newest first: those listed by the newest valid superblock. (The
/// other slot may list one older snapshot whose space is already being reused.)
pub fn list_snapshots(dev: &dyn BlockDevice) -> Result<Vec<SnapshotRecord>, String> {
    let slots = read_slots(dev);
    match slots.iter().flatten().max_by_key(|sb| sb.generation) {
        Some(newest) => Ok(newest.snapshots.clone()),
        None => {
            let why: Vec<String> = slots
                .iter()
                .enumerate()
                .filter_map(|(i, s)| s.as_ref().err().map(|e| format!("slot {i}: {e}")))
                .collect();
            Err(format!("no valid superblock ({})", why.join("; ")))
        }
    }
}

/// The retention policy the newest valid superblock holds (empty if none is valid).
pub fn image_retention(dev: &dyn BlockDevice) -> crate::retention::Retention {
    read_slots(dev).into_iter().flatten().max_by_key(|sb| sb.generation).map(|sb| sb.retention).unwrap_or_default()
}

/// Checks both superblocks and, for every listed snapshot, every page-table node and page.
pub fn check_image(dev: &dyn BlockDevice) -> CheckReport {
    let mut report = CheckReport::default();
    let slots = read_slots(dev);
    for (i, slot) in slots.iter().enumerate() {
        match slot {
            Ok(sb) => report.lines.push(format!("superblock slot {i}: ok, generation {}", sb.generation)),
            Err(why) => {
                report.damaged = true;
                report.lines.push(format!("superblock slot {i}: DAMAGED: {why}"));
            }
        }
    }
    let snapshots = match list_snapshots(dev) {
        Ok(s) => s,
        Err(why) => {
            report.damaged = true;
            report.lines.push(why);
            return report;
        }
    };
    let pages = slots.iter().flatten().map(|sb| sb.address_pages).next().unwrap_or(1);
    let newest = snapshots.first().copied();
    for s in snapshots {
        let result = verify_tree(dev, s.root, tree_height(pages), true);
        if let (Err(e), Some(first)) = (&result, newest) {
            if first == s && s.one_sync {
                // Committed with one sync: a crash during that sync leaves it so (and then it
                // was never acknowledged); damage after it would too. The one before it opens.
                report.lines.push(format!(
                    "snapshot {}: INCOMPLETE: its commit was interrupted by a crash, or it was damaged since ({e}); \
                     the snapshot before it opens",
                    s.generation
                ));
                continue;
            }
        }
        match result {
            Ok(count) if count == s.pages => {
                report.good.push(s.generation);
                report.lines.push(format!("snapshot {}: ok, {count} pages", s.generation));
            }
            Ok(count) => {
                report.damaged = true;
                report
                    .lines
                    .push(format!("snapshot {}: DAMAGED: {count} pages found, {} recorded", s.generation, s.pages));
            }
            Err(e) => {
                report.damaged = true;
                report.lines.push(format!("snapshot {}: DAMAGED: {e}", s.generation));
            }
        }
    }
    report
}
