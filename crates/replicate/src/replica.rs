//! What a replica is in the object store, shipping a committed snapshot to it, and rebuilding
//! an image from it.
//!
//! Layout under the prefix:
//! - `packs/GGGGGGGGGGGGGGGG-KKK`: blocks a generation added, each as its block number (u64
//!   little-endian) and its 4096 bytes, after a header (`PHPACK1\0`, the count as u32) and
//!   followed by the XXH3-64 of all that (u64).
//! - `generations/GGGGGGGGGGGGGGGG`: the manifest of a generation (text, one field a line):
//!   its snapshot record and every pack that restoring it reads, oldest first, each with its
//!   size and checksum. Written after its packs, so a manifest's packs exist.
//!
//! A block number holds one page or node of a tree for as long as any kept tree uses it (the
//! store never rewrites a block in use), so a generation's image is every pack it lists,
//! applied oldest first, later blocks over earlier ones; the checksums in the tree (each
//! parent holds its children's) then check every block restored.

use std::collections::HashMap;
use std::path::Path;

use phantom_store::format::{checksum, tree_height, BlockRef, Node, SnapshotRecord, Superblock, BLOCK_SIZE, PAGE_SIZE};
use phantom_store::{BlockDevice, FileDevice};

use crate::s3::Remote;

const PACK_MAGIC: &[u8; 8] = b"PHPACK1\0";
/// Blocks in one pack object (8 MiB): large objects, uploaded several at a time.
pub const PACK_BLOCKS: usize = 2048;
/// A block to ship: its number and bytes.
/// What goes into a pack: a page-table node, read during the walk, or a page, read when
/// its pack is made.
enum Piece {
    Node(u64, Vec<u8>),
    Page(BlockRef),
}

impl Piece {
    fn block(&self) -> u64 {
        match self {
            Piece::Node(b, _) => *b,
            Piece::Page(r) => r.block,
        }
    }
}

/// Pages read with one call when they lie one after another on disk.
const MAX_RUN: usize = 256;

/// Packs uploaded at once.
const UPLOADS: usize = 4;
const MANIFEST_MAGIC: &str = "phantom-replica 1";

/// A pack a manifest lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackRef {
    pub name: String,
    pub bytes: u64,
    pub checksum: u64,
}

/// A generation in the object store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    pub snapshot: SnapshotRecord,
    pub address_pages: u64,
    pub high_water: u64,
    pub packs: Vec<PackRef>,
}

impl Manifest {
    pub fn encode(&self) -> String {
        let s = &self.snapshot;
        let mut out = format!(
            "{MANIFEST_MAGIC}\ngeneration {}\nroot {} {}\npages {}\nwritten {}\ntime_ns {}\naddress_pages {}\nhigh_water {}\n",
            s.generation, s.root.block, s.root.checksum, s.pages, s.written, s.time_ns, self.address_pages, self.high_water
        );
        for p in &self.packs {
            out.push_str(&format!("pack {} {} {}\n", p.name, p.bytes, p.checksum));
        }
        out.push_str("end\n");
        out
    }

    pub fn decode(text: &str) -> Result<Manifest, String> {
        let mut lines = text.lines();
        if lines.next() != Some(MANIFEST_MAGIC) {
            return Err("not a Phantom replica manifest".into());
        }
        let mut fields: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut packs = Vec::new();
        let mut ended = false;
        for line in lines {
            let mut words = line.split_whitespace();
            let Some(key) = words.next() else { continue };
            let rest: Vec<&str> = words.collect();
            match key {
                "end" => ended = true,
                "pack" if rest.len() == 3 => packs.push(PackRef {
                    name: rest[0].to_string(),
                    bytes: rest[1].parse().map_err(|_| format!("bad pack line {line:?}"))?,
                    checksum: rest[2].parse().map_err(|_| format!("bad pack line {line:?}"))?,
                }),
                _ => {
                    fields.insert(key, rest);
                }
            }
        }
        if !ended {
            return Err("the manifest is cut short".into());
        }
        let num = |k: &str, i: usize| -> Result<u64, String> {
            fields.get(k).and_then(|v| v.get(i)).and_then(|v| v.parse().ok()).ok_or_else(|| format!("manifest: no {k}"))
        };
        Ok(Manifest {
            snapshot: SnapshotRecord {
                generation: num("generation", 0)?,
                root: BlockRef { block: num("root", 0)?, checksum: num("root", 1)? },
                time_ns: num("time_ns", 0)?,
                pages: num("pages", 0)?,
                written: num("written", 0)?,
                one_sync: false,
                pause_us: 0,
                write_us: 0,
            },
            address_pages: num("address_pages", 0)?,
            high_water: num("high_water", 0)?,
            packs,
        })
    }
}

fn manifest_name(generation: u64) -> String {
    format!("generations/{generation:016}")
}

fn pack_bytes(dev: &dyn BlockDevice, pieces: &[Piece]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(12 + pieces.len() * (8 + PAGE_SIZE) + 8);
    out.extend_from_slice(PACK_MAGIC);
    out.extend_from_slice(&(pieces.len() as u32).to_le_bytes());
    let mut run = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        match &pieces[k] {
            Piece::Node(b, bytes) => {
                out.extend_from_slice(&b.to_le_bytes());
                out.extend_from_slice(bytes);
                k += 1;
            }
            Piece::Page(first) => {
                // The pages that follow it on disk, read with one call.
                let mut n = 1;
                while n < MAX_RUN
                    && matches!(pieces.get(k + n), Some(Piece::Page(r)) if r.block == first.block + n as u64)
                {
                    n += 1;
                }
                run.resize(n * PAGE_SIZE, 0);
                dev.read_at(first.block * BLOCK_SIZE, &mut run).map_err(|e| format!("block {}: {e}", first.block))?;
                for (i, data) in run.chunks(PAGE_SIZE).enumerate() {
                    let Piece::Page(r) = pieces[k + i] else { unreachable!("a run holds pages only") };
                    if checksum(data) != r.checksum {
                        return Err(format!("block {} changed (reused since its snapshot)", r.block));
                    }
                    out.extend_from_slice(&r.block.to_le_bytes());
                    out.extend_from_slice(data);
                }
                k += n;
            }
        }
    }
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    Ok(out)
}

/// The blocks of a pack, checked against its checksum and the one the manifest gives.
fn unpack<'a>(name: &str, bytes: &'a [u8], expected: u64) -> Result<Vec<(u64, &'a [u8])>, String> {
    let bad = |why: &str| format!("pack {name} is damaged: {why}");
    if bytes.len() < 20 || &bytes[..8] != PACK_MAGIC {
        return Err(bad("no header"));
    }
    let (body, sum) = bytes.split_at(bytes.len() - 8);
    let sum = u64::from_le_bytes(sum.try_into().expect("8 bytes"));
    if checksum(body) != sum || sum != expected {
        return Err(bad("its checksum does not match"));
    }
    let count = u32::from_le_bytes(body[8..12].try_into().expect("4 bytes")) as usize;
    if body.len() != 12 + count * (8 + PAGE_SIZE) {
        return Err(bad("wrong length"));
    }
    Ok(body[12..]
        .chunks_exact(8 + PAGE_SIZE)
        .map(|c| (u64::from_le_bytes(c[..8].try_into().expect("8 bytes")), &c[8..]))
        .collect())
}

/// The generations the remote holds, newest first.
pub fn generations(remote: &Remote) -> Result<Vec<Manifest>, String> {
    let mut out = Vec::new();
    for name in remote.list("generations/")?.into_iter().rev() {
        if let Some(text) = remote.get(&name)? {
            match Manifest::decode(&String::from_utf8_lossy(&text)) {
                Ok(m) => out.push(m),
                Err(e) => return Err(format!("{name} on {}: {e}", remote.shown())),
            }
        }
    }
    Ok(out)
}

/// The valid superblock with the highest generation.
fn newest_superblock(dev: &dyn BlockDevice) -> Result<Superblock, String> {
    let mut best: Option<Superblock> = None;
    for slot in 0..2 {
        let mut buf = vec![0u8; PAGE_SIZE];
        if dev.read_at(slot * BLOCK_SIZE, &mut buf).is_err() {
            continue;
        }
        if let Ok(sb) = Superblock::decode(&buf) {
            if best.as_ref().is_none_or(|b| sb.generation > b.generation) {
                best = Some(sb);
            }
        }
    }
    best.ok_or_else(|| "the image has no valid superblock".into())
}

/// Why a block could not be read as its reference says.
enum BadBlock {
    Unreadable(std::io::Error),
    Mismatch,
}

/// The block `r` names, checked against its checksum.
fn read_block(dev: &dyn BlockDevice, r: BlockRef) -> Result<Vec<u8>, BadBlock> {
    let mut buf = vec![0u8; PAGE_SIZE];
    dev.read_at(r.block * BLOCK_SIZE, &mut buf).map_err(BadBlock::Unreadable)?;
    if checksum(&buf) != r.checksum {
        return Err(BadBlock::Mismatch);
    }
    Ok(buf)
}

/// A block of the live image, for shipping.
fn read_checked(dev: &dyn BlockDevice, r: BlockRef) -> Result<Vec<u8>, String> {
    read_block(dev, r).map_err(|e| match e {
        BadBlock::Unreadable(e) => format!("block {}: {e}", r.block),
        BadBlock::Mismatch => format!("block {} changed (reused since its snapshot)", r.block),
    })
}

/// A pack this process shipped, and how many of its blocks the last shipped tree still uses.
struct PackState {
    reference: PackRef,
    live: usize,
}

/// Ships committed snapshots of one image, each as what it added since the last one shipped,
/// and keeps the newest `keep` generations in the object store, deleting the others and every
/// pack none of the kept ones needs.
pub struct Shipper {
    remote: Remote,
    keep: usize,
    /// The last shipped tree's nodes, by reference (so the next diff reads only new nodes).
    nodes: HashMap<BlockRef, Node>,
    last: Option<Manifest>,
    packs: Vec<PackState>,
    /// Which pack holds each block of the last shipped tree.
    owner: HashMap<u64, usize>,
    /// The generations in the object store, oldest first (None until first read).
    kept: Option<std::collections::VecDeque<Manifest>>,
    /// Which generations stay as they age, at most `keep` of them.
    retention: phantom_store::Retention,
}

impl Shipper {
    /// A shipper whose first shipment is a whole snapshot.
    pub fn new(remote: Remote, keep: usize) -> Shipper {
        Shipper {
            remote,
            keep: keep.max(1),
            nodes: HashMap::new(),
            last: None,
            packs: Vec::new(),
            owner: HashMap::new(),
            kept: None,
            retention: phantom_store::Retention::default(),
        }
    }

    /// Keeps the generations `retention` chooses (at most `keep`) instead of the newest `keep`.
    pub fn with_retention(mut self, retention: phantom_store::Retention) -> Shipper {
        self.retention = retention;
        self
    }

    pub fn remote(&self) -> &Remote {
        &self.remote
    }

    /// The generation last shipped.
    pub fn shipped(&self) -> Option<u64> {
        self.last.as_ref().map(|m| m.snapshot.generation)
    }

    /// Ships the newest snapshot of the image on `dev` (its file, read beside the store that
    /// writes it) that is durable there (at most generation `durable`: a superblock on disk
    /// may not be yet), if it is newer than the last one shipped. A block reused since (the
    /// snapshot was dropped meanwhile) fails its checksum and fails the shipment, which leaves
    /// the remote as it was, as far as any manifest says: the next one ships a newer snapshot.
    pub fn ship(&mut self, dev: &dyn BlockDevice, durable: u64) -> Result<Option<Manifest>, String> {
        let superblock = newest_superblock(dev)?;
        let Some(snapshot) = superblock.snapshots.iter().find(|s| s.generation <= durable).copied() else {
            return Ok(None);
        };
        if self.shipped().is_some_and(|g| g >= snapshot.generation) {
            return Ok(None);
        }
        if self.kept.is_none() {
            self.kept = Some(generations(&self.remote)?.into_iter().rev().collect());
        }
        self.ship_snapshot(dev, snapshot, superblock.address_pages, superblock.high_water).map(Some)
    }

    fn ship_snapshot(
        &mut self,
        dev: &dyn BlockDevice,
        snapshot: SnapshotRecord,
        address_pages: u64,
        high_water: u64,
    ) -> Result<Manifest, String> {
        let level = tree_height(address_pages) - 1;
        let base = self.last.as_ref().map_or(BlockRef::ABSENT, |m| m.snapshot.root);
        let mut nodes: Vec<(u64, Vec<u8>)> = Vec::new();
        let mut leaves: Vec<BlockRef> = Vec::new();
        let mut dead: Vec<u64> = Vec::new();
        let mut new_nodes: HashMap<BlockRef, Node> = HashMap::new();
        self.diff(dev, snapshot.root, base, level, &mut nodes, &mut leaves, &mut dead, &mut new_nodes)?;
        // Pages in block order, so that a pack's are read in a few long runs; nodes at the end.
        leaves.sort_unstable_by_key(|r| r.block);
        let mut contents: Vec<Vec<Piece>> =
            leaves.chunks(PACK_BLOCKS).map(|c| c.iter().map(|&r| Piece::Page(r)).collect()).collect();
        let node_pieces = nodes.into_iter().map(|(b, bytes)| Piece::Node(b, bytes));
        for piece in node_pieces {
            match contents.last_mut() {
                Some(last) if last.len() < PACK_BLOCKS => last.push(piece),
                _ => contents.push(vec![piece]),
            }
        }
        let references = self.pack_and_upload(dev, snapshot.generation, &contents)?;
        let shipped: Vec<(PackRef, Vec<u64>)> =
            references.into_iter().zip(contents.iter().map(|c| c.iter().map(Piece::block).collect())).collect();
        // What each pack still holds of the new tree: blocks it replaced or dropped leave their
        // old packs.
        for b in dead {
            if let Some(i) = self.owner.remove(&b) {
                self.packs[i].live -= 1;
            }
        }
        for (reference, chunk) in shipped {
            let index = self.packs.len();
            self.packs.push(PackState { reference, live: chunk.len() });
            for b in chunk {
                if let Some(old) = self.owner.insert(b, index) {
                    self.packs[old].live -= 1;
                }
            }
        }
        let packs = self.packs.iter().filter(|p| p.live > 0).map(|p| p.reference.clone()).collect();
        let manifest = Manifest { snapshot, address_pages, high_water, packs };
        self.remote.put(&manifest_name(snapshot.generation), manifest.encode().as_bytes())?;
        let mut all = std::mem::take(&mut self.nodes);
        all.extend(new_nodes);
        self.nodes = HashMap::new();
        keep_reachable(snapshot.root, level, &all, &mut self.nodes);
        self.last = Some(manifest.clone());
        self.prune(&manifest)?;
        Ok(manifest)
    }

    /// Builds the packs one after another (reading their pages in runs) while up to `UPLOADS`
    /// of them are being put, so that reading the image and uploading overlap and only a few
    /// packs are in memory at once. Returns each pack's reference, in order.
    fn pack_and_upload(
        &self,
        dev: &dyn BlockDevice,
        generation: u64,
        contents: &[Vec<Piece>],
    ) -> Result<Vec<PackRef>, String> {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<(String, Vec<u8>)>(UPLOADS);
        let receiver = std::sync::Mutex::new(receiver);
        let failure: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);
        let failed = || failure.lock().unwrap_or_else(|e| e.into_inner()).is_some();
        let mut references: Vec<Option<PackRef>> = vec![None; contents.len()];
        std::thread::scope(|scope| {
            for _ in 0..UPLOADS.min(contents.len()) {
                scope.spawn(|| loop {
                    let next = receiver.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((name, bytes)) = next else { return };
                    if let Err(e) = self.remote.put(&name, &bytes) {
                        failure.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert(e);
                    }
                });
            }
            for (k, pieces) in contents.iter().enumerate() {
                if failed() {
                    break;
                }
                let name = format!("packs/{generation:016}-{k:03}");
                match pack_bytes(dev, pieces) {
                    Ok(bytes) => {
                        let sum = u64::from_le_bytes(bytes[bytes.len() - 8..].try_into().expect("8 bytes"));
                        references[k] = Some(PackRef { name: name.clone(), bytes: bytes.len() as u64, checksum: sum });
                        if sender.send((name, bytes)).is_err() {
                            break;
                        }
                    }
                    Err(e) => {
                        failure.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert(e);
                        break;
                    }
                }
            }
            drop(sender);
        });
        if let Some(e) = failure.into_inner().unwrap_or_else(|e| e.into_inner()) {
            return Err(e);
        }
        Ok(references.into_iter().map(|r| r.expect("every pack was made")).collect())
    }

    /// Keeps the generations the retention policy chooses (by default the newest `keep`):
    /// the others' manifests go, and then every pack that no kept manifest lists.
    fn prune(&mut self, newest: &Manifest) -> Result<(), String> {
        let kept = self.kept.get_or_insert_with(Default::default);
        // A generation shipped again (by a process that restarted before a snapshot's
        // superblock was durable, say) replaces the older manifest of that number, whose
        // manifest object is already overwritten; its packs go below if nothing needs them.
        let mut replaced: Vec<Manifest> = Vec::new();
        kept.retain(|m| {
            let same = m.snapshot.generation == newest.snapshot.generation;
            if same {
                replaced.push(m.clone());
            }
            !same
        });
        kept.push_back(newest.clone());
        let newest_first: Vec<SnapshotRecord> = kept.iter().rev().map(|m| m.snapshot).collect();
        let mut wanted = self.retention.select(&newest_first, newest.snapshot.time_ns, self.keep);
        wanted.reverse();
        let mut dropped = Vec::new();
        let mut wanted = wanted.into_iter();
        kept.retain(|m| {
            let keep = wanted.next().unwrap_or(true);
            if !keep {
                dropped.push(m.clone());
            }
            keep
        });
        if dropped.is_empty() && replaced.is_empty() {
            return Ok(());
        }
        let needed: std::collections::HashSet<&str> =
            kept.iter().flat_map(|m| m.packs.iter().map(|p| p.name.as_str())).collect();
        for m in &dropped {
            // The manifest first: a listed generation always has its packs.
            self.remote.delete(&manifest_name(m.snapshot.generation))?;
        }
        dropped.extend(replaced);
        let mut gone: Vec<&str> = dropped
            .iter()
            .flat_map(|m| m.packs.iter().map(|p| p.name.as_str()))
            .filter(|n| !needed.contains(n))
            .collect();
        gone.sort_unstable();
        gone.dedup();
        for name in gone {
            self.remote.delete(name)?;
        }
        Ok(())
    }

    /// Collects the blocks of the tree at `entry` that differ from the one at `other` (its
    /// nodes with their bytes, read as the walk needs them; its pages by reference, to be read
    /// in runs when packed), and the blocks of `other` it no longer uses.
    #[allow(clippy::too_many_arguments)]
    fn diff(
        &self,
        dev: &dyn BlockDevice,
        entry: BlockRef,
        other: BlockRef,
        level: u32,
        out: &mut Vec<(u64, Vec<u8>)>,
        leaves: &mut Vec<BlockRef>,
        dead: &mut Vec<u64>,
        nodes: &mut HashMap<BlockRef, Node>,
    ) -> Result<(), String> {
        if entry == other {
            return Ok(());
        }
        if entry.is_absent() {
            self.dead_subtree(other, level, dead);
            return Ok(());
        }
        if !other.is_absent() {
            dead.push(other.block);
        }
        let bytes = read_checked(dev, entry)?;
        let node = Node::decode(&bytes);
        out.push((entry.block, bytes));
        let old = self.nodes.get(&other).cloned().unwrap_or_else(Node::empty);
        for (mine, theirs) in node.entries.iter().zip(old.entries.iter()) {
            if mine == theirs {
                continue;
            }
            if level == 0 {
                if !mine.is_absent() {
                    leaves.push(*mine);
                }
                if !theirs.is_absent() {
                    dead.push(theirs.block);
                }
            } else {
                self.diff(dev, *mine, *theirs, level - 1, out, leaves, dead, nodes)?;
            }
        }
        nodes.insert(entry, node);
        Ok(())
    }

    /// Every block of the last shipped tree under `r`.
    fn dead_subtree(&self, r: BlockRef, level: u32, dead: &mut Vec<u64>) {
        if r.is_absent() {
            return;
        }
        dead.push(r.block);
        let Some(node) = self.nodes.get(&r) else { return };
        for e in node.entries.iter().filter(|e| !e.is_absent()) {
            if level == 0 {
                dead.push(e.block);
            } else {
                self.dead_subtree(*e, level - 1, dead);
            }
        }
    }
}

/// Copies into `out` the nodes of the tree at `r` that `all` has.
fn keep_reachable(r: BlockRef, level: u32, all: &HashMap<BlockRef, Node>, out: &mut HashMap<BlockRef, Node>) {
    let Some(node) = all.get(&r) else { return };
    if level > 0 {
        for e in node.entries.iter().filter(|e| !e.is_absent()) {
            keep_reachable(*e, level - 1, all, out);
        }
    }
    out.insert(r, node.clone());
}

/// Rebuilds an image at `path` (which must not exist) holding generation `wanted` of the
/// remote, or its newest intact one: every pack is checked, then every block of the tree. A
/// damaged newest generation gives way to an older intact one (said in the result); one asked
/// for by number does not. Returns the generation restored and what was passed over.
pub fn restore(remote: &Remote, path: &Path, wanted: Option<u64>) -> Result<(u64, Vec<String>), String> {
    let all = generations(remote)?;
    if all.is_empty() {
        return Err(format!("{} holds no generation", remote.shown()));
    }
    let candidates: Vec<&Manifest> = match wanted {
        Some(g) => vec![all
            .iter()
            .find(|m| m.snapshot.generation == g)
            .ok_or_else(|| format!("{} holds no generation {g}", remote.shown()))?],
        None => all.iter().collect(),
    };
    let mut passed = Vec::new();
    for m in candidates {
        let _ = std::fs::remove_file(path);
        match restore_one(remote, path, m) {
            Ok(()) => return Ok((m.snapshot.generation, passed)),
            Err(e) => passed.push(format!("generation {}: {e}", m.snapshot.generation)),
        }
    }
    let _ = std::fs::remove_file(path);
    Err(format!("no intact generation to restore ({})", passed.join("; ")))
}

fn restore_one(remote: &Remote, path: &Path, m: &Manifest) -> Result<(), String> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    let dev = FileDevice::new(file);
    let io = |e: std::io::Error| format!("{}: {e}", path.display());
    for pack in &m.packs {
        let bytes = remote.get(&pack.name)?.ok_or_else(|| format!("pack {} is missing", pack.name))?;
        for (block, data) in unpack(&pack.name, &bytes, pack.checksum)? {
            dev.write_at(block * BLOCK_SIZE, data).map_err(io)?;
        }
    }
    let pages = verify(&dev, m.snapshot.root, tree_height(m.address_pages) - 1)?;
    if pages != m.snapshot.pages {
        return Err(format!("the restored tree has {pages} pages, the manifest says {}", m.snapshot.pages));
    }
    let superblock = Superblock {
        generation: m.snapshot.generation,
        address_pages: m.address_pages,
        high_water: m.high_water,
        snapshots: vec![m.snapshot],
        retention: Default::default(),
    };
    let bytes = superblock.encode();
    dev.write_at(0, &bytes[..]).map_err(io)?;
    dev.write_at(BLOCK_SIZE, &bytes[..]).map_err(io)?;
    dev.sync().map_err(io)
}

/// Checks every node and page of a tree on `dev`; returns the pages.
fn verify(dev: &dyn BlockDevice, entry: BlockRef, level: u32) -> Result<u64, String> {
    if entry.is_absent() {
        return Ok(0);
    }
    let node = Node::decode(&read_restored(dev, entry)?);
    let mut pages = 0;
    for e in node.entries.iter().filter(|e| !e.is_absent()) {
        if level == 0 {
            read_restored(dev, *e)?;
            pages += 1;
        } else {
            pages += verify(dev, *e, level - 1)?;
        }
    }
    Ok(pages)
}

/// A block of a restored image, for its check.
fn read_restored(dev: &dyn BlockDevice, r: BlockRef) -> Result<Vec<u8>, String> {
    read_block(dev, r).map_err(|e| match e {
        BadBlock::Unreadable(_) => format!("block {} was not restored", r.block),
        BadBlock::Mismatch => format!("block {} fails its checksum", r.block),
    })
}
