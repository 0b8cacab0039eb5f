//! The reserved address space and its per-page state words.
//!
//! Both are anonymous `MAP_NORESERVE` mappings: a page of memory costs RAM only once touched,
//! and the state array (8 bytes per page) likewise only where pages are used.

use std::io;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::format::PAGE_SIZE;

/// Bits of a page's state word.
pub(crate) mod bits {
    /// Low 32 bits: the last epoch in which the page was written (0 = clean since open).
    pub const EPOCH_MASK: u64 = 0xFFFF_FFFF;
    /// The page's contents are in memory (else they are on disk, or zero).
    pub const RESIDENT: u64 = 1 << 32;
    /// The snapshot writer has captured the page's contents for the snapshot in flight.
    pub const CAPTURED: u64 = 1 << 33;
    /// A thread holds the page's slow-path lock.
    pub const LOCKED: u64 = 1 << 34;
    /// High 24 bits count evictions, so a lock-free reader can tell its copy may be stale.
    pub const EVICT_SHIFT: u32 = 40;
    pub const EVICT_ONE: u64 = 1 << EVICT_SHIFT;

    pub fn epoch(state: u64) -> u32 {
        (state & EPOCH_MASK) as u32
    }
}

pub(crate) struct Region {
    base: *mut u8,
    states: *mut AtomicU64,
    pages: u64,
}

// The region is shared memory by design; the store's barrier protocol orders its accesses.
unsafe impl Send for Region {}
unsafe impl Sync for Region {}

fn map_anonymous(bytes: usize) -> io::Result<*mut u8> {
    // SAFETY: a fresh private anonymous mapping, not aliasing anything.
    let ptr = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            bytes,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if ptr == libc::MAP_FAILED {
        return Err(io::Error::last_os_error());
    }
    Ok(ptr as *mut u8)
}

impl Region {
    pub fn new(pages: u64) -> io::Result<Region> {
        let bytes = usize::try_from(pages * PAGE_SIZE as u64)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "address space too large"))?;
        let base = map_anonymous(bytes)?;
        // Keep the kernel from backing the region with huge pages: residency, eviction and
        // dirtiness are tracked per 4 KiB page.
        // SAFETY: advice on our own mapping.
        unsafe { libc::madvise(base as *mut libc::c_void, bytes, libc::MADV_NOHUGEPAGE) };
        let states = match map_anonymous(pages as usize * 8) {
            Ok(s) => s as *mut AtomicU64,
            Err(e) => {
                // SAFETY: unmapping what we just mapped.
                unsafe { libc::munmap(base as *mut libc::c_void, bytes) };
                return Err(e);
            }
        };
        Ok(Region { base, states, pages })
    }

    pub fn pages(&self) -> u64 {
        self.pages
    }

    pub fn state(&self, page: u64) -> &AtomicU64 {
        debug_assert!(page < self.pages);
        // SAFETY: in bounds; zeroed memory is a valid AtomicU64.
        unsafe { &*self.states.add(page as usize) }
    }

    /// Pointer to a byte of the region. Callers stay within one page.
    pub fn ptr(&self, addr: u64) -> *mut u8 {
        debug_assert!(addr < self.pages * PAGE_SIZE as u64);
        // SAFETY: in bounds of the mapping.
        unsafe { self.base.add(addr as usize) }
    }

    /// Gives a page's memory back to the kernel; it reads as zeros afterwards.
    pub fn discard(&self, page: u64) {
        // SAFETY: advice on one page of our own mapping.
        unsafe {
            libc::madvise(self.ptr(page * PAGE_SIZE as u64) as *mut libc::c_void, PAGE_SIZE, libc::MADV_DONTNEED)
        };
    }

    /// Takes a page's slow-path lock; returns the state word as it was.
    pub fn lock(&self, page: u64) -> u64 {
        let state = self.state(page);
        let mut spins = 0u32;
        loop {
            let s = state.load(Ordering::Relaxed);
            if s & bits::LOCKED == 0
                && state.compare_exchange_weak(s, s | bits::LOCKED, Ordering::Acquire, Ordering::Relaxed).is_ok()
            {
                return s;
            }
            spins += 1;
            if spins > 64 {
                std::thread::yield_now();
            } else {
                std::hint::spin_loop();
            }
        }
    }

    /// Takes a page's lock if it is free; returns the state word as it was.
    pub fn try_lock(&self, page: u64) -> Option<u64> {
        let state = self.state(page);
        let s = state.load(Ordering::Relaxed);
        (s & bits::LOCKED == 0
            && state.compare_exchange(s, s | bits::LOCKED, Ordering::Acquire, Ordering::Relaxed).is_ok())
        .then_some(s)
    }

    /// Releases the lock, publishing the new state.
    pub fn unlock(&self, page: u64, new_state: u64) {
        self.state(page).store(new_state & !bits::LOCKED, Ordering::Release);
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        // SAFETY: unmapping our own mappings; no references outlive the region.
        unsafe {
            libc::munmap(self.base as *mut libc::c_void, self.pages as usize * PAGE_SIZE);
            libc::munmap(self.states as *mut libc::c_void, self.pages as usize * 8);
        }
    }
}
