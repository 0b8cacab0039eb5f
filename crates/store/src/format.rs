//! On-disk structures, byte for byte as `docs/STORE-FORMAT.md` describes them.
//!
//! The image is an array of 4 KiB blocks. Blocks 0 and 1 are the two superblock slots; every
//! other block is a page image or a page-table node. Integers are little-endian.

use std::fmt;

/// Bytes in a page, a block and a node: one unit everywhere.
pub const PAGE_SIZE: usize = 4096;
pub const BLOCK_SIZE: u64 = PAGE_SIZE as u64;
/// Superblock slots occupy blocks 0 and 1; block numbers below this never hold data.
pub const FIRST_DATA_BLOCK: u64 = 2;
/// Entries in a page-table node: 256 children of 16 bytes.
pub const FANOUT: usize = 256;
pub const FANOUT_BITS: u32 = 8;

pub const MAGIC: &[u8; 8] = b"PHSTORE1";
pub const FORMAT_VERSION: u32 = 1;
/// Most snapshots one superblock can list.
pub const MAX_RETAINED: usize = 48;
/// Largest address space an image may declare: 2^36 pages, 256 TiB.
pub const MAX_ADDRESS_PAGES: u64 = 1 << 36;

const SNAPSHOT_ENTRY_LEN: usize = 64;
const HEADER_LEN: usize = 64;
const CHECKSUM_AT: usize = PAGE_SIZE - 8;

/// 64-bit checksum of a block's contents.
pub fn checksum(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// A reference from a node (or a superblock) to a child block, with the child's checksum.
/// Block 0 means "absent": an all-zero page, or a subtree of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct BlockRef {
    pub block: u64,
    pub checksum: u64,
}

impl BlockRef {
    pub const ABSENT: BlockRef = BlockRef { block: 0, checksum: 0 };

    pub fn is_absent(self) -> bool {
        self.block == 0
    }
}

/// A page-table node: 256 child references.
#[derive(Clone, PartialEq, Eq)]
pub struct Node {
    pub entries: Box<[BlockRef; FANOUT]>,
}

impl Node {
    pub fn empty() -> Node {
        Node { entries: Box::new([BlockRef::ABSENT; FANOUT]) }
    }

    pub fn encode(&self) -> Box<[u8; PAGE_SIZE]> {
        let mut out = Box::new([0u8; PAGE_SIZE]);
        for (i, e) in self.entries.iter().enumerate() {
            out[i * 16..i * 16 + 8].copy_from_slice(&e.block.to_le_bytes());
            out[i * 16 + 8..i * 16 + 16].copy_from_slice(&e.checksum.to_le_bytes());
        }
        out
    }

    pub fn decode(bytes: &[u8]) -> Node {
        let mut node = Node::empty();
        for (i, e) in node.entries.iter_mut().enumerate() {
            e.block = u64::from_le_bytes(bytes[i * 16..i * 16 + 8].try_into().unwrap());
            e.checksum = u64::from_le_bytes(bytes[i * 16 + 8..i * 16 + 16].try_into().unwrap());
        }
        node
    }
}

/// Number of node levels needed to map `pages` pages (at least one).
pub fn tree_height(pages: u64) -> u32 {
    let mut height = 1;
    while height * FANOUT_BITS < 64 && (pages - 1) >> (height * FANOUT_BITS) != 0 {
        height += 1;
    }
    height
}

/// One committed snapshot, as listed in a superblock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SnapshotRecord {
    pub generation: u64,
    /// Root of the page table; absent when every page is zero.
    pub root: BlockRef,
    /// Wall-clock time of the snapshot's consistent moment, nanoseconds since the Unix epoch.
    pub time_ns: u64,
    /// Non-zero pages in the snapshot.
    pub pages: u64,
    /// Pages this snapshot wrote (dirtied since the previous one).
    pub written: u64,
    /// Its blocks were synced together with the superblock that lists it first, not before
    /// it: until it is checked, a crash may have left that superblock without some of them
    /// (see the commit protocol in STORE-FORMAT.md).
    pub one_sync: bool,
    /// How long the VM's threads stood still for it, in microseconds (0: not recorded).
    pub pause_us: u32,
    /// How long writing it out took, from its moment to the commit point, in microseconds
    /// (0: not recorded).
    pub write_us: u32,
}

/// One superblock slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Superblock {
    /// Generation of the newest snapshot; the slot written is `generation % 2`.
    pub generation: u64,
    /// Size of the address space, in pages.
    pub address_pages: u64,
    /// Blocks at and above this number are unused by every listed snapshot.
    pub high_water: u64,
    /// Retained snapshots, newest first; `snapshots[0].generation == generation`.
    pub snapshots: Vec<SnapshotRecord>,
    /// Which snapshots to keep as they age (empty: the newest, by count).
    pub retention: crate::retention::Retention,
}

/// Why a superblock slot is unusable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SuperblockError {
    BadMagic,
    BadChecksum,
    Unsupported(String),
}

impl fmt::Display for SuperblockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SuperblockError::BadMagic => f.write_str("no superblock (bad magic)"),
            SuperblockError::BadChecksum => f.write_str("superblock checksum mismatch (torn or damaged)"),
            SuperblockError::Unsupported(why) => f.write_str(why),
        }
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
}

impl Superblock {
    pub fn encode(&self) -> Box<[u8; PAGE_SIZE]> {
        assert!(self.snapshots.len() <= MAX_RETAINED);
        let mut b = Box::new([0u8; PAGE_SIZE]);
        b[0..8].copy_from_slice(MAGIC);
        b[8..12].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
        b[12..16].copy_from_slice(&(BLOCK_SIZE as u32).to_le_bytes());
        b[16..24].copy_from_slice(&self.generation.to_le_bytes());
        b[24..32].copy_from_slice(&self.address_pages.to_le_bytes());
        b[32..40].copy_from_slice(&self.high_water.to_le_bytes());
        b[40..44].copy_from_slice(&(self.snapshots.len() as u32).to_le_bytes());
        b[44..48].copy_from_slice(&tree_height(self.address_pages).to_le_bytes());
        b[48..64].copy_from_slice(&self.retention.encode());
        for (i, s) in self.snapshots.iter().enumerate() {
            let at = HEADER_LEN + i * SNAPSHOT_ENTRY_LEN;
            for (k, v) in [
                s.generation,
                s.root.block,
                s.root.checksum,
                s.time_ns,
                s.pages,
                s.written,
                s.one_sync as u64,
                u64::from(s.pause_us) | u64::from(s.write_us) << 32,
            ]
            .iter()
            .enumerate()
            {
                b[at + k * 8..at + k * 8 + 8].copy_from_slice(&v.to_le_bytes());
            }
        }
        let sum = checksum(&b[..CHECKSUM_AT]);
        b[CHECKSUM_AT..].copy_from_slice(&sum.to_le_bytes());
        b
    }

    pub fn decode(b: &[u8]) -> Result<Superblock, SuperblockError> {
        if &b[0..8] != MAGIC {
            return Err(SuperblockError::BadMagic);
        }
        if checksum(&b[..CHECKSUM_AT]) != u64_at(b, CHECKSUM_AT) {
            return Err(SuperblockError::BadChecksum);
        }
        let version = u32_at(b, 8);
        if version != FORMAT_VERSION {
            return Err(SuperblockError::Unsupported(format!(
                "format version {version}, this build reads {FORMAT_VERSION}"
            )));
        }
        if u32_at(b, 12) as u64 != BLOCK_SIZE {
            return Err(SuperblockError::Unsupported(format!("block size {}", u32_at(b, 12))));
        }
        let address_pages = u64_at(b, 24);
        let count = u32_at(b, 40) as usize;
        if address_pages == 0 || address_pages > MAX_ADDRESS_PAGES {
            return Err(SuperblockError::Unsupported(format!("address space of {address_pages} pages")));
        }
        if count == 0 || count > MAX_RETAINED || u32_at(b, 44) != tree_height(address_pages) {
            return Err(SuperblockError::Unsupported("inconsistent superblock header".into()));
        }
        let snapshots: Vec<SnapshotRecord> = (0..count)
            .map(|i| {
                let at = HEADER_LEN + i * SNAPSHOT_ENTRY_LEN;
                let v = |k: usize| u64_at(b, at + k * 8);
                SnapshotRecord {
                    generation: v(0),
                    root: BlockRef { block: v(1), checksum: v(2) },
                    time_ns: v(3),
                    pages: v(4),
                    written: v(5),
                    one_sync: v(6) & 1 != 0,
                    pause_us: v(7) as u32,
                    write_us: (v(7) >> 32) as u32,
                }
            })
            .collect();
        let generation = u64_at(b, 16);
        if snapshots[0].generation != generation || snapshots.windows(2).any(|w| w[0].generation <= w[1].generation) {
            return Err(SuperblockError::Unsupported("snapshot list out of order".into()));
        }
        let retention = crate::retention::Retention::decode(&b[48..64]);
        Ok(Superblock { generation, address_pages, high_water: u64_at(b, 32), snapshots, retention })
    }

    /// The slot (block number) this superblock is written to.
    pub fn slot(&self) -> u64 {
        self.generation % 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights() {
        assert_eq!(tree_height(1), 1);
        assert_eq!(tree_height(256), 1);
        assert_eq!(tree_height(257), 2);
        assert_eq!(tree_height(1 << 28), 4);
        assert_eq!(tree_height(u64::MAX), 8);
    }

    #[test]
    fn superblock_round_trip_and_damage() {
        let sb = Superblock {
            generation: 7,
            address_pages: 1 << 28,
            high_water: 99,
            snapshots: vec![
                SnapshotRecord {
                    generation: 7,
                    root: BlockRef { block: 5, checksum: 6 },
                    time_ns: 1,
                    pages: 2,
                    written: 3,
                    one_sync: false,
                    pause_us: 250,
                    write_us: 70_000,
                },
                SnapshotRecord {
                    generation: 6,
                    root: BlockRef::ABSENT,
                    time_ns: 0,
                    pages: 0,
                    written: 0,
                    one_sync: true,
                    pause_us: 0,
                    write_us: 0,
                },
            ],
            retention: crate::retention::Retention::parse("1m:all,1h:1m").unwrap(),
        };
        let mut bytes = sb.encode();
        assert_eq!(Superblock::decode(&bytes[..]), Ok(sb));
        bytes[100] ^= 1;
        assert_eq!(Superblock::decode(&bytes[..]), Err(SuperblockError::BadChecksum));
    }
}
